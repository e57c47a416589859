-- The agency's code of conduct (issue 16, part 1). Every version is kept: an edit adds a version,
-- nothing is updated or deleted. Version 1 of every agency is Mutuality's starting text, kept once in
-- code_of_conduct_starter, which new agencies copy when they are created (see ADR 0023).

create table code_of_conduct_starter (
    id int primary key,
    text_en varchar(20000) not null,
    text_fr varchar(20000) not null
);

create table code_of_conduct (
    agency_id uuid not null references agency (id),
    version int not null,
    text_en varchar(20000) not null,
    text_fr varchar(20000) not null,
    reason varchar(1000),
    published_by uuid references person (id),
    published_at timestamp with time zone not null,
    primary key (agency_id, version),
    constraint code_of_conduct_version_positive check (version > 0),
    constraint code_of_conduct_reason_with_author check ((published_by is null) = (reason is null))
);

-- Who attested which version, and when; one row per person and version.
create table code_of_conduct_attestation (
    agency_id uuid not null,
    person_id uuid not null references person (id),
    version int not null,
    attested_at timestamp with time zone not null,
    primary key (agency_id, person_id, version),
    foreign key (agency_id, version) references code_of_conduct (agency_id, version)
);
create index code_of_conduct_attestation_version on code_of_conduct_attestation (agency_id, version);

insert into code_of_conduct_starter (id, text_en, text_fr) values (1,
'# Our code of conduct

This code says how we work with the people we support and with each other. It applies to every member of staff in the same way: peer workers, volunteers, clinicians, supervisors, managers and everyone else. Read it, ask about what is unclear, and tell us when it no longer fits the work.

## We meet as equals

- Support here goes both ways. No one is the expert on another person''s life; we learn from the people we support as they learn from us.
- We speak about people with respect, on paper and aloud. We say *participant* or use the person''s name.
- When words or habits around us make someone smaller, we say so, kindly and directly.

## The person decides

- Participants choose their own goals, their own pace and whether to work with us at all. We offer options; we do not decide for them.
- We never use our relationship with a person to push them towards care they have not chosen.
- We share what we know so that people can choose, and we respect a choice we would not have made.

## Our own experience, used with care

- We are honest that we have lived through hard things. We share our story when it helps the other person, not to be heard ourselves.
- We choose what to share and how much. No one may require us to disclose more than we wish.
- We look after our own wellbeing, and we ask for help early. Needing support is not a failure.

## Boundaries that protect everyone

- We are reached through the agency''s contact channel, not through our personal phone numbers or accounts.
- Friendships, family ties and other relationships with the people we support are declared, so that we can think them through together. A relationship is not a fault in itself.
- We avoid gifts, money, loans and favours that could tie a person to us or us to them.
- When a line is crossed, we say so calmly, we restate the boundary, and we record what happened with dignity for both people.

## Confidentiality

- What a person tells us stays within the people who need it to support them, unless someone''s life or safety is at risk.
- The same care is owed to colleagues: we never look at a co-worker''s records unless we are part of their care.
- We open a record only for the reason we have, and we know that every access is logged and can be seen by the person concerned.

## No exploitation

- We never use our position for personal, financial, romantic or sexual gain.
- We do not ask the people we support to do things for us.
- When we are unsure whether something is right, we stop, we use the dilemma navigator and we ask our supervisor or the privacy lead.

## When things go wrong

- Anyone can raise a concern, and it will be heard without punishment for having raised it.
- A concern is not a verdict. We listen to every person involved before anything is decided.',
'# Notre code de conduite

Ce code dit comment nous travaillons avec les personnes que nous accompagnons et entre nous. Il s’applique de la même façon à chaque membre du personnel : pair·e·s aidant·e·s, bénévoles, clinicien·ne·s, superviseur·e·s, gestionnaires et toutes les autres personnes. Lisez-le, posez vos questions sur ce qui n’est pas clair, et dites-nous quand il ne correspond plus au travail.

## Nous nous rencontrons d’égal à égal

- Ici, le soutien va dans les deux sens. Personne n’est expert·e de la vie d’une autre personne ; nous apprenons des personnes que nous accompagnons comme elles apprennent de nous.
- Nous parlons des personnes avec respect, à l’écrit comme à l’oral. Nous disons *participant·e* ou nous utilisons le nom de la personne.
- Quand des mots ou des habitudes autour de nous rabaissent quelqu’un, nous le disons, avec bienveillance et franchise.

## La personne décide

- Les participant·e·s choisissent leurs objectifs, leur rythme et même de travailler avec nous ou non. Nous proposons des options ; nous ne décidons pas à leur place.
- Nous n’utilisons jamais notre relation avec une personne pour la pousser vers des soins qu’elle n’a pas choisis.
- Nous partageons ce que nous savons pour que chaque personne puisse choisir, et nous respectons un choix que nous n’aurions pas fait.

## Notre propre vécu, utilisé avec soin

- Nous disons honnêtement que nous avons traversé des épreuves. Nous partageons notre histoire quand elle aide l’autre personne, pas pour être écouté·e·s nous-mêmes.
- Nous choisissons ce que nous partageons et dans quelle mesure. Personne ne peut nous obliger à en dire plus que nous le souhaitons.
- Nous prenons soin de notre propre bien-être et nous demandons de l’aide tôt. Avoir besoin de soutien n’est pas un échec.

## Des limites qui protègent tout le monde

- On nous joint par le canal de contact de l’organisme, pas par nos numéros ou comptes personnels.
- Les amitiés, les liens familiaux et les autres relations avec les personnes que nous accompagnons sont déclarés, pour que nous puissions y réfléchir ensemble. Une relation n’est pas une faute en soi.
- Nous évitons les cadeaux, l’argent, les prêts et les faveurs qui pourraient lier une personne à nous ou nous lier à elle.
- Quand une limite est franchie, nous le disons calmement, nous rappelons la limite et nous consignons ce qui s’est passé dans le respect de la dignité des deux personnes.

## Confidentialité

- Ce qu’une personne nous confie reste entre les personnes qui en ont besoin pour la soutenir, sauf si la vie ou la sécurité de quelqu’un est en danger.
- Nous devons le même soin à nos collègues : nous ne consultons jamais le dossier d’un·e collègue, sauf si nous faisons partie de son équipe de soins.
- Nous n’ouvrons un dossier que pour la raison que nous avons, en sachant que chaque accès est journalisé et peut être vu par la personne concernée.

## Aucune exploitation

- Nous n’utilisons jamais notre position pour un gain personnel, financier, amoureux ou sexuel.
- Nous ne demandons pas aux personnes que nous accompagnons de faire des choses pour nous.
- Quand nous ne sommes pas sûr·e·s que quelque chose est juste, nous nous arrêtons, nous utilisons le guide des dilemmes et nous en parlons à notre superviseur·e ou à la personne responsable de la vie privée.

## Quand les choses tournent mal

- Chaque personne peut soulever une préoccupation, et elle sera entendue sans être punie pour l’avoir soulevée.
- Une préoccupation n’est pas un verdict. Nous écoutons chaque personne concernée avant toute décision.');

insert into code_of_conduct (agency_id, version, text_en, text_fr, reason, published_by, published_at)
select a.id, 1, s.text_en, s.text_fr, null, null, current_timestamp
from agency a cross join code_of_conduct_starter s where s.id = 1;
