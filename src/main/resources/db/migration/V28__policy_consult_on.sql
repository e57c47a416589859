-- Consultations (ADR 0020): the default policy (version 0, default-policy.yaml) now says who may be
-- consulted before a hard call, with the action CONSULT_ON: two rules leave out a colleague close to,
-- under a no-contact restriction with, or already involved with one of the people, and mayAct names
-- supervisors, managers and the privacy lead. Agencies that never changed their policy have them
-- already, since version 0 is not stored (ADR 0003).
--
-- As in V27, an agency that stored versions of its own keeps every one of them as it was. When its
-- policy in force still holds the default's no-contact rule as shipped (the marker V27 relies on) and
-- neither of the two rules nor any CONSULT_ON, it gets a new version after it: that text with the two
-- rules at the end of its rules and CONSULT_ON first under mayAct (or a mayAct of that one entry at
-- the end when the text has none). The rules go just before roleRules when it follows the rules and
-- comes before mayAct, as in the default; otherwise just before the no-contact rule, which is always
-- inside the rules. A text whose roleRules or mayAct key is written more than once (in a comment,
-- say), whose mayAct is not written as a block, or that would grow past the longest policy text
-- accepted (100,000 characters) is left alone, as is every other text: its privacy lead adds them by
-- hand (README, "Consultation and boundary agreements"). The version names no one as its author
-- (changed_by is empty) and says why; the privacy lead can put another version in force.
--
-- The new row's id is the source row's with its first eight digits replaced, as in V27.

insert into conflict_policy (id, agency_id, version, body, reason, changed_by, changed_at)
select
    cast('00000028' || substr(cast(p.id as varchar(36)), 9) as uuid),
    p.agency_id,
    p.version + 1,
    case
        when position('roleRules:' in p.body) > position('  - id: no-contact' in p.body)
            and (position('mayAct:' in p.body) = 0
                or position('mayAct:' in p.body) > position('roleRules:' in p.body))
        then replace(
            case
                when position('mayAct:' in p.body) = 0 then p.body || n.may_act
                else replace(p.body, 'mayAct:', n.entry)
            end,
            'roleRules:',
            n.rules || 'roleRules:')
        else replace(
            case
                when position('mayAct:' in p.body) = 0 then p.body || n.may_act
                else replace(p.body, 'mayAct:', n.entry)
            end,
            '  - id: no-contact',
            n.rules || '  - id: no-contact')
    end,
    'Mutuality added whom to consult before a hard call (CONSULT_ON): supervisors, managers and the '
        || 'privacy lead, never a colleague close to, under a no-contact restriction with, or already '
        || 'involved with one of the people. Put another version in force if your agency decides '
        || 'otherwise. / Mutuality a ajouté qui consulter avant une décision difficile (CONSULT_ON) : '
        || 'les superviseur·e·s, les gestionnaires et la personne responsable de la vie privée, jamais '
        || 'une ou un collègue proche de l’une des personnes, sous interdiction de contact avec elle ou '
        || 'déjà lié·e à elle.',
    null,
    current_timestamp
from conflict_policy p
cross join (
    select
        '  - id: consultant-close-to-either
    actions: [CONSULT_ON]
    kinds: [PARTNER, EX_PARTNER, FAMILY, HOUSEMATE, NO_CONTACT]
    decision: BLOCK
    explanation:
      en: The colleague is too close to one of the people involved (partner, former partner, family, housemate) or may not be in contact with them. Advice about them should come from someone else.
      fr: Cette ou ce collègue est trop proche de l''une des personnes concernées (partenaire, ex-partenaire, famille, colocataire) ou ne doit pas être en contact avec elle. Le conseil doit venir de quelqu''un d''autre.

  - id: consultant-involved-with-either
    actions: [CONSULT_ON]
    kinds: [FRIEND, SOCIAL_MEDIA, COWORKER_OUTSIDE, TREATS, SUPPORTS]
    decision: BLOCK
    explanation:
      en: The colleague already knows one of the people involved, outside work or through care or support. A consultation needs someone who can look at the situation from outside it.
      fr: Cette ou ce collègue connaît déjà l''une des personnes concernées, en dehors du travail ou par les soins ou le soutien. Une consultation demande quelqu''un qui regarde la situation de l''extérieur.

' as rules,
        'mayAct:
  CONSULT_ON: [SUPERVISOR, MANAGER, PRIVACY_LEAD]' as entry,
        '
mayAct:
  CONSULT_ON: [SUPERVISOR, MANAGER, PRIVACY_LEAD]
' as may_act
) n
where p.version = (select max(q.version) from conflict_policy q where q.agency_id = p.agency_id)
  and p.body like '%  - id: no-contact%'
  and p.body not like '%consultant-close-to-either%'
  and p.body not like '%consultant-involved-with-either%'
  and p.body not like '%CONSULT_ON%'
  and length(p.body) + length(n.rules) + length(n.may_act) <= 100000
  and length(p.body) - length(replace(p.body, 'roleRules:', '')) <= length('roleRules:')
  and length(p.body) - length(replace(p.body, 'mayAct:', '')) <= length('mayAct:')
  and (position('mayAct:' in p.body) = 0
      or p.body like '%mayAct:
%'
      or p.body like '%mayAct:' || chr(13) || '%');
