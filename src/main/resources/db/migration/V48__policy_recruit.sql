-- Research (issue 18, ADR 0034): the default policy (version 0, default-policy.yaml) now says who may
-- point a participant to a research study, with the action RECRUIT: one rule blocks whoever supports,
-- treats, supervises or approves the time of the person, or is close to them, and mayAct names
-- researchers. Agencies that never changed their policy have it already, since version 0 is not stored
-- (ADR 0003).
--
-- As V28 does for CONSULT_ON, and by the same text operations: an agency whose policy in force still
-- holds the default's no-contact rule and no RECRUIT gets a new version after it, with the rule at the
-- end of its rules and RECRUIT first under mayAct; every other text is left alone and its privacy lead
-- adds the rule by hand (README, "Research studies"). A peer worker never recruits the participants
-- they support whatever the policy says: the research module refuses it itself. Earlier versions are
-- kept as they were; the new version names no one as its author.
--
-- The new row's id is the source row's with its first eight digits replaced, as in V27 and V28.

insert into conflict_policy (id, agency_id, version, body, reason, changed_by, changed_at)
select
    cast('00000048' || substr(cast(p.id as varchar(36)), 9) as uuid),
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
    'Mutuality added who may point a participant to a research study (RECRUIT): researchers, never '
        || 'someone who supports, treats, supervises or approves the time of the person, nor someone '
        || 'close to them. Put another version in force if your agency decides otherwise. / Mutuality a '
        || 'ajouté qui peut présenter une étude de recherche à une personne participante (RECRUIT) : les '
        || 'chercheur·es, jamais une personne qui la soutient, la soigne, la supervise ou approuve ses '
        || 'heures, ni une personne qui lui est proche.',
    null,
    current_timestamp
from conflict_policy p
cross join (
    select
        '  - id: power-and-recruitment
    actions: [RECRUIT]
    kinds: [SUPPORTS, TREATS, SUPERVISES, APPROVES_TIME, PARTNER, EX_PARTNER, FAMILY, HOUSEMATE, NO_CONTACT]
    decision: BLOCK
    explanation:
      en: This person has a say in the participant''s support, care or work, or is close to them. Consent to research must be free of pressure, so someone else points them to the study.
      fr: Cette personne a du poids dans le soutien, les soins ou le travail de la personne participante, ou lui est proche. Le consentement à une recherche doit être libre de toute pression ; quelqu''un d''autre lui présente donc l''étude.
    safeguards:
      - en: Let the participant find the study on their own page, or ask a member of the study team without such a tie.
        fr: Laissez la personne participante trouver l''étude sur sa propre page, ou demandez à un membre de l''équipe de recherche sans un tel lien.

' as rules,
        'mayAct:
  RECRUIT: [RESEARCHER]' as entry,
        '
mayAct:
  RECRUIT: [RESEARCHER]
' as may_act
) n
where p.version = (select max(q.version) from conflict_policy q where q.agency_id = p.agency_id)
  and p.body like '%  - id: no-contact%'
  and p.body not like '%power-and-recruitment%'
  and p.body not like '%RECRUIT%'
  and length(p.body) + length(n.rules) + length(n.may_act) <= 100000
  and length(p.body) - length(replace(p.body, 'roleRules:', '')) <= length('roleRules:')
  and length(p.body) - length(replace(p.body, 'mayAct:', '')) <= length('mayAct:')
  and (position('mayAct:' in p.body) = 0
      or p.body like '%mayAct:
%'
      or p.body like '%mayAct:' || chr(13) || '%');
