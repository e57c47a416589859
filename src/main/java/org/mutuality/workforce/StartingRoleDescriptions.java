package org.mutuality.workforce;

import java.util.EnumMap;
import java.util.Map;
import org.mutuality.directory.Role;

/**
 * The role descriptions Mutuality ships, written for Mutuality from the values peer support holds
 * (mutuality, choice, honesty about lived experience, boundaries, confidentiality). An agency revises
 * them; these stay version 1. Paragraphs are separated by a blank line.
 */
final class StartingRoleDescriptions {

    private static final Map<Role, String[]> TEXTS = new EnumMap<>(Role.class);

    static {
        TEXTS.put(Role.PEER_WORKER, new String[] {"""
            A peer worker walks beside participants as an equal, bringing what they learned from their own \
            experience of mental health, substance use and recovery. The relationship goes both ways: \
            nobody in it is the expert on another person's life.

            What this role does: listens and shares their own story when it may help; supports each \
            participant to choose their own goals and to reach the services they want; leads or co-leads \
            groups; speaks up in the team when words or practices take away a participant's dignity; \
            declares relationships that could become dual relationships and talks them through in \
            supervision; keeps what participants say confidential within the agency's rules.

            What this role does not do: it takes no part in involuntary interventions (holding someone, \
            committing someone to hospital, enforcing treatment); it does not diagnose or prescribe; it \
            does not give participants a personal phone number or personal social-media contact (the \
            agency's contact channel is there for that); it does not lend money or exchange gifts.

            A peer worker is trusted like any other staff member, with the same supervision and the same \
            rules, and no extra monitoring.""", """
            Une ou un pair aidant accompagne les participant·es d'égal à égal, avec ce que son propre \
            vécu de la santé mentale, de la consommation et du rétablissement lui a appris. La relation \
            va dans les deux sens : personne n'y est l'expert·e de la vie de l'autre.

            Ce que fait ce rôle : écouter, et partager son histoire quand cela peut aider ; soutenir \
            chaque participant·e dans le choix de ses objectifs et l'accès aux services qu'elle ou il \
            souhaite ; animer ou coanimer des groupes ; prendre la parole en équipe quand des mots ou des \
            pratiques portent atteinte à la dignité d'une personne ; déclarer les relations qui pourraient \
            devenir des relations doubles et en parler en supervision ; garder confidentiel ce que les \
            participant·es confient, selon les règles de l'organisme.

            Ce que ce rôle ne fait pas : il ne participe à aucune intervention non volontaire (contention, \
            hospitalisation forcée, traitement imposé) ; il ne pose pas de diagnostic et ne prescrit pas ; \
            il ne donne pas de numéro de téléphone ni de contact personnel sur les réseaux sociaux (le \
            canal de contact de l'organisme sert à cela) ; il ne prête pas d'argent et n'échange pas de \
            cadeaux.

            Une ou un pair aidant est traité comme tout autre membre du personnel : la même supervision, \
            les mêmes règles, aucune surveillance de plus."""});
        TEXTS.put(Role.VOLUNTEER_PEER, new String[] {"""
            A volunteer peer offers their lived experience to participants, usually in groups and \
            activities, for the hours they choose to give.

            What this role does: welcomes people, co-leads groups and activities with staff, shares their \
            own story when it may help, and tells their contact person at the agency when something \
            worries them.

            What this role does not do: it takes no part in involuntary interventions; it does not hold \
            participants' files; it does not give out a personal phone number or personal social-media \
            contact; it does not lend money or exchange gifts.

            Volunteers receive the same respect, support and rules as paid staff.""", """
            Une ou un pair bénévole offre son vécu aux participant·es, le plus souvent en groupe ou en \
            activité, pendant les heures qu'elle ou il choisit de donner.

            Ce que fait ce rôle : accueillir, coanimer des groupes et des activités avec le personnel, \
            partager son histoire quand cela peut aider, et prévenir sa personne-ressource à l'organisme \
            quand quelque chose l'inquiète.

            Ce que ce rôle ne fait pas : il ne participe à aucune intervention non volontaire ; il n'a pas \
            accès aux dossiers des participant·es ; il ne donne pas de numéro de téléphone ni de contact \
            personnel sur les réseaux sociaux ; il ne prête pas d'argent et n'échange pas de cadeaux.

            Les bénévoles reçoivent le même respect, le même soutien et les mêmes règles que le personnel \
            salarié."""});
        TEXTS.put(Role.CLINICIAN, new String[] {"""
            A clinician assesses and treats the people in the agency's clinical programs and keeps their \
            care notes.

            What this role does: treats the people whose care they are given; writes care notes; works \
            with peer workers as colleagues, referring people to peer support when the person wants it.

            What this role does not do: it does not supervise, approve the hours of or review a colleague \
            they treat; it does not read the record of a colleague outside their circle of care.""", """
            Une ou un clinicien évalue et traite les personnes des programmes cliniques de l'organisme et \
            tient leurs notes de soins.

            Ce que fait ce rôle : traiter les personnes dont on lui confie les soins ; rédiger les notes de \
            soins ; travailler avec les pair·es aidant·es comme avec des collègues, et orienter vers le \
            soutien par les pair·es quand la personne le souhaite.

            Ce que ce rôle ne fait pas : il ne supervise pas un·e collègue qu'il traite, n'approuve pas ses \
            heures et n'évalue pas son travail ; il ne lit pas le dossier d'un·e collègue hors de son \
            cercle de soins."""});
        TEXTS.put(Role.SUPERVISOR, new String[] {"""
            A supervisor supports the practice of the staff they supervise: regular supervision, \
            consultation before hard calls, the work plan written together and its reviews.

            What this role does: meets each supervisee regularly; helps them reflect on boundaries and \
            dual relationships; writes the work plan's goals with them and signs their part of its \
            reviews; reads what a supervisee chooses to share, and only that.

            What this role does not do: it does not supervise someone it is in a care relationship with; \
            it does not watch peer staff more closely than other staff.""", """
            Une superviseure ou un superviseur soutient la pratique des personnes qu'elle ou il \
            supervise : supervision régulière, consultation avant une décision difficile, plan de travail \
            écrit ensemble et ses bilans.

            Ce que fait ce rôle : rencontrer régulièrement chaque personne supervisée ; l'aider à réfléchir \
            aux limites et aux relations doubles ; écrire avec elle les objectifs du plan de travail et \
            signer sa part des bilans ; lire ce que la personne choisit de partager, et seulement cela.

            Ce que ce rôle ne fait pas : il ne supervise pas une personne avec qui il a une relation de \
            soins ; il ne surveille pas les pair·es aidant·es de plus près que le reste du personnel."""});
        TEXTS.put(Role.MANAGER, new String[] {"""
            A manager runs programs and teams: assignments, schedules, and answers to the accommodations \
            staff ask for.

            What this role does: assigns support, supervision and time approval to people without a \
            conflict; answers an accommodation request a staff member sends, seeing only that request; \
            keeps role descriptions up to date with the privacy lead.

            What this role does not do: it does not read a staff member's work plan unless it supervises \
            them, nor anyone's wellness plan.""", """
            Une ou un gestionnaire dirige des programmes et des équipes : affectations, horaires, et \
            réponses aux demandes d'accommodement du personnel.

            Ce que fait ce rôle : confier le soutien, la supervision et l'approbation des heures à des \
            personnes sans conflit ; répondre à une demande d'accommodement qu'un membre du personnel lui \
            envoie, en ne voyant que cette demande ; tenir à jour les descriptions de rôle avec la \
            personne responsable de la vie privée.

            Ce que ce rôle ne fait pas : il ne lit pas le plan de travail d'un membre du personnel qu'il \
            ne supervise pas, ni le plan de bien-être de qui que ce soit."""});
        TEXTS.put(Role.RESEARCHER, new String[] {"""
            A researcher runs the agency's studies, often with lived experience of their own.

            What this role does: designs studies with participants; asks each person's consent, \
            recording included or not; hands an interview to a co-researcher when they know the person.

            What this role does not do: it does not interview someone it has a personal relationship \
            with; it does not read care or support notes for a study.""", """
            Une chercheuse ou un chercheur mène les études de l'organisme, souvent avec son propre vécu.

            Ce que fait ce rôle : concevoir les études avec les participant·es ; demander le consentement \
            de chaque personne, enregistrement compris ou non ; confier une entrevue à une ou un \
            cochercheur quand elle connaît la personne.

            Ce que ce rôle ne fait pas : il n'interroge pas une personne avec qui il a une relation \
            personnelle ; il ne lit pas les notes de soins ou de soutien pour une étude."""});
        TEXTS.put(Role.PRIVACY_LEAD, new String[] {"""
            The privacy lead watches over confidentiality: the access log, break-the-glass reviews, the \
            conflict policy and the parity report.

            What this role does: reviews who read which record and why; reviews every break-the-glass; \
            answers people who ask who looked at their record; reads work plans when oversight needs it.

            What this role does not do: it does not read anyone's reflective journal or wellness plan.""", """
            La personne responsable de la vie privée veille à la confidentialité : journal des accès, \
            examen des bris de glace, politique des conflits et rapport de parité.

            Ce que fait ce rôle : examiner qui a lu quel dossier et pourquoi ; examiner chaque bris de \
            glace ; répondre aux personnes qui demandent qui a consulté leur dossier ; lire les plans de \
            travail quand la surveillance l'exige.

            Ce que ce rôle ne fait pas : il ne lit ni le journal réflexif ni le plan de bien-être de qui \
            que ce soit."""});
        TEXTS.put(Role.ADMINISTRATOR, new String[] {"""
            An administrator runs the directory: people, roles, programs and accounts.

            What this role does: registers people, proposes and confirms roles with a second person, opens \
            accounts by invitation.

            What this role does not do: no record opens to an administrator by title alone, neither care \
            or support notes, nor work plans, journals or wellness plans.""", """
            Une ou un administrateur gère l'annuaire : personnes, rôles, programmes et comptes.

            Ce que fait ce rôle : inscrire les personnes, proposer et confirmer les rôles avec une deuxième \
            personne, ouvrir les comptes par invitation.

            Ce que ce rôle ne fait pas : aucun dossier ne s'ouvre à un·e administrateur par son titre \
            seul, ni notes de soins ou de soutien, ni plans de travail, journaux ou plans de bien-être."""});
    }

    private StartingRoleDescriptions() {}

    static String english(Role role) {
        return texts(role)[0];
    }

    static String french(Role role) {
        return texts(role)[1];
    }

    private static String[] texts(Role role) {
        String[] texts = TEXTS.get(role);
        if (texts == null) {
            throw new IllegalStateException("no role description ships for " + role);
        }
        return texts;
    }
}
