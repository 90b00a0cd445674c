package com.gametriggers.companion.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.store.CampaignSpending;

/**
 * Settles what a batch earns against its campaigns' budgets before any counter is written: each capped campaign's
 * share is added to that campaign's spent counter, which refuses it once the budget is spent, and the batch is then
 * counted with the refused participations' events unbilled, with the reason. The store remembers how it settled each
 * batch, so a retried batch is counted exactly as the first try decided.
 */
final class BudgetGate {

    private final CampaignSpending spending;
    private final Clock clock;
    private final Consumer<String> budgetSpent;
    /** What the listener last heard per campaign, so it hears of a spent budget once, not with every batch. */
    private final Map<String, Activity.Outcome> told = new HashMap<>();

    /**
     * @param budgetSpent told the campaign's id, on the writer's thread, when its budget (total or today's) is found
     *                    spent; keep it short
     */
    BudgetGate(CampaignSpending spending, Clock clock, Consumer<String> budgetSpent) {
        this.spending = spending;
        this.clock = clock;
        this.budgetSpent = budgetSpent;
    }

    /**
     * The batch folded under its terms, after its earnings were settled with the campaigns' budgets.
     *
     * @throws com.gametriggers.companion.store.StoreException when the store could not settle it; the batch is retried
     */
    Coalescer.Coalesced settle(String batchId, List<JournalEntry.Event> events, Map<String, ParticipationTerms> terms) {
        Coalescer.Coalesced coalesced = Coalescer.coalesce(events, terms);
        Map<String, ParticipationTerms> settledTerms = new HashMap<>(terms);
        boolean refused = false;
        for (Map.Entry<String, CounterDelta> entry : coalesced.byParticipation().entrySet()) {
            ParticipationTerms participation = terms.get(entry.getKey());
            if (entry.getValue().earningsMicros() <= 0 || !participation.campaign().capped()) {
                continue;
            }
            CampaignSpending.Settled settled = spending.spend(participation.campaign(), participation.streamerId(), batchId,
                    earningsByDay(entry.getKey(), coalesced.byDay()));
            if (settled.outcome() != Activity.Outcome.COUNTED) {
                settledTerms.put(entry.getKey(), participation.refusedBy(settled.outcome()));
                refused = true;
            }
            tellIfSpent(participation, settled);
        }
        return refused ? Coalescer.coalesce(events, settledTerms) : coalesced;
    }

    private static Map<LocalDate, Long> earningsByDay(String participationId, Map<ParticipationDay, CounterDelta> byDay) {
        Map<LocalDate, Long> earnings = new HashMap<>();
        byDay.forEach((day, delta) -> {
            if (day.participationId().equals(participationId) && delta.earningsMicros() > 0) {
                earnings.put(day.day(), delta.earningsMicros());
            }
        });
        return earnings;
    }

    /** The batch that reaches a cap is paid in full; from then on the campaign is spent, and the rotation should know. */
    private void tellIfSpent(ParticipationTerms participation, CampaignSpending.Settled settled) {
        String campaignId = participation.campaign().id();
        Activity.Outcome now = settled.outcome() != Activity.Outcome.COUNTED ? settled.outcome()
                : participation.campaign().budgetSpentAt(settled.spend(), clock.instant()).orElse(Activity.Outcome.COUNTED);
        Activity.Outcome before = told.put(campaignId, now);
        if (now != Activity.Outcome.COUNTED && now != before) {
            budgetSpent.accept(campaignId);
        }
    }
}
