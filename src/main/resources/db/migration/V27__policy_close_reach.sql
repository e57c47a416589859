-- APA 3.05 (a)(2): a relationship with someone closely associated with or related to the person is a
-- multiple relationship too. The default policy (version 0, default-policy.yaml) now has rules for
-- personal relationships through someone close; agencies that never changed their policy have them
-- already, since version 0 is not stored (ADR 0003).
--
-- An agency that stored versions of its own keeps every one of them as it was: its privacy lead's text
-- is never edited. When its policy in force still holds the default's no-contact rule as shipped and
-- none of the new rules, it gets a new version after it: that text with the new rules inserted before
-- the no-contact rule, and a group leader's own partner, family or housemate added to the
-- friendship-and-groups rule where that rule is still as shipped. The version names no one as its
-- author (changed_by is empty) and says why; the privacy lead can put another version in force.
-- A text that does not hold the rule as shipped is left alone: its privacy lead adds the rules by hand
-- (README, "Conflict policy"). Decisions already recorded keep the words they were given.
--
-- The new row's id is the source row's with its first eight digits replaced: portable across H2 and
-- PostgreSQL, which share no function that makes a random uuid.

insert into conflict_policy (id, agency_id, version, body, reason, changed_by, changed_at)
select
    cast('00000027' || substr(cast(p.id as varchar(36)), 9) as uuid),
    p.agency_id,
    p.version + 1,
    replace(
        replace(
            p.body,
            '  - id: no-contact',
            '  - id: intimate-or-family-through-someone-close
    actions: [APPROVE_TIMESHEET, SUPERVISE, REVIEW_PERFORMANCE, ASSIGN_SUPPORT, INTERVIEW, INVESTIGATE_INCIDENT, OPEN_RECORD]
    kinds: [PARTNER, EX_PARTNER, FAMILY, HOUSEMATE]
    reach: [CLOSE]
    decision: CONSULT
    explanation:
      en: One of the two is the partner, former partner, family or housemate of someone close to the other. The tie is one step removed, yet judging, supporting or interviewing them may still not be objective; consult before going ahead.
      fr: L’une des deux personnes est partenaire, ex-partenaire, de la famille ou colocataire d’une personne proche de l’autre. Le lien est indirect, mais la juger, la soutenir ou l’interviewer pourrait ne pas être objectif ; consultez avant d’aller plus loin.
    safeguards:
      - en: Ask whether a colleague without this tie could take it on; if not, write down how objectivity is protected.
        fr: Voyez si une ou un collègue sans ce lien peut s’en charger ; sinon, notez comment l’objectivité est protégée.

  - id: friendship-and-support-through-someone-close
    actions: [ASSIGN_SUPPORT]
    kinds: [FRIEND, SOCIAL_MEDIA, COWORKER_OUTSIDE]
    reach: [CLOSE]
    decision: WARN
    explanation:
      en: The peer worker or the participant knows someone close to the other outside the agency. This is common and not a problem in itself; be mindful of what could travel through that person.
      fr: La personne paire aidante ou la personne participante connaît, en dehors de l’organisme, une personne proche de l’autre. C’est courant et ce n’est pas un problème en soi ; soyez attentif·ve à ce qui pourrait circuler par cette personne.

  - id: friendship-and-oversight-through-someone-close
    actions: [APPROVE_TIMESHEET, SUPERVISE, REVIEW_PERFORMANCE, INVESTIGATE_INCIDENT]
    kinds: [FRIEND, COWORKER_OUTSIDE]
    reach: [CLOSE]
    decision: WARN
    explanation:
      en: One of the two is a friend of someone close to the other. Oversight stays possible; keep that friendship out of the judgement and say so if it weighs on it.
      fr: L’une des deux personnes est amie d’une personne proche de l’autre. La supervision reste possible ; gardez cette amitié hors du jugement et dites-le si elle pèse.

  - id: acquaintance-and-research-through-someone-close
    actions: [INTERVIEW]
    kinds: [FRIEND, NEIGHBOUR, SOCIAL_MEDIA, COWORKER_OUTSIDE]
    reach: [CLOSE]
    decision: WARN
    explanation:
      en: The researcher knows someone close to this participant, or someone close to the researcher knows the participant. Tell the participant, and prefer a co-researcher when the tie is strong.
      fr: La personne chercheuse connaît une personne proche de cette personne participante, ou une personne proche d’elle connaît la personne participante. Informez la personne participante et privilégiez une ou un co-chercheur si le lien est fort.

  - id: no-contact'),
        '    kinds: [FRIEND, SOCIAL_MEDIA, COWORKER_OUTSIDE, EX_PARTNER]',
        '    kinds: [FRIEND, SOCIAL_MEDIA, COWORKER_OUTSIDE, EX_PARTNER, PARTNER, FAMILY, HOUSEMATE]'),
    'Mutuality added the rules of APA 3.05 (a)(2): a personal relationship with someone close to one of '
        || 'the two (their partner, family or housemate) now asks one step less than the same relationship '
        || 'between the two themselves, never a block; a group leader''s own partner, family or housemate '
        || 'in the group warns. Put another version in force if your agency decides otherwise. / '
        || 'Mutuality a ajouté les règles de l’APA 3.05 (a)(2) : une relation personnelle avec une personne '
        || 'proche de l’une des deux demande un cran de moins que la même relation entre les deux, jamais '
        || 'un blocage.',
    null,
    current_timestamp
from conflict_policy p
where p.version = (select max(q.version) from conflict_policy q where q.agency_id = p.agency_id)
  and p.body like '%  - id: no-contact%'
  and p.body not like '%-through-someone-close%';
