-- The page where an action waits while its person consults a colleague: the asker goes back there,
-- with the consultation, once it is answered. A path on this server only (see ReturnPath).
alter table consultation add column return_to varchar(300);
