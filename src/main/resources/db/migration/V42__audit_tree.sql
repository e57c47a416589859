-- The Merkle tree over each agency's audit chain (RFC 6962; ADR 0032). Leaf n is the entry at chain
-- seq n + 1. Only complete subtrees are kept: a node of level L and index i is the hash of leaves
-- i * 2^L .. (i + 1) * 2^L - 1, written once its last leaf is in and never changed. The sealer adds
-- them in the transaction that links the entries; audit_head.tree_size says how many leaves are in.

create table audit_tree_node (
    agency_id uuid not null references agency (id),
    node_level smallint not null,
    node_index bigint not null,
    hash varchar(64) not null,
    constraint audit_tree_node_pk primary key (agency_id, node_level, node_index)
);

alter table audit_head add column tree_size bigint default 0 not null;

-- Heads of the tree published for later proofs: a size and its root, kept for ever. A consistency
-- proof shows that a later tree keeps such a head unchanged.
create table audit_tree_head (
    agency_id uuid not null references agency (id),
    tree_size bigint not null,
    root_hash varchar(64) not null,
    published_at timestamp with time zone not null,
    constraint audit_tree_head_pk primary key (agency_id, tree_size)
);
create index audit_tree_head_time on audit_tree_head (agency_id, published_at);
