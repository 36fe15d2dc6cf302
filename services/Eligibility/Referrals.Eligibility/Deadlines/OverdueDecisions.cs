using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Rules;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Deadlines;

/// <summary>
/// Flags assessments still waiting for information after their decision due date. The flag and the
/// <see cref="EligibilityDecisionDeadlinePassed"/> event are one version-guarded write, so the event is raised once per
/// referral however often or concurrently the check runs; the outbox publishes it (or the sweeper, after a crash).
/// </summary>
public sealed partial class OverdueDecisions(
    IAssessmentStore store,
    IBus bus,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<OverdueDecisions> logger)
{
    private const int Batch = 100;

    /// <returns>How many assessments were newly flagged.</returns>
    public async Task<int> FlagAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = LatvianCalendar.DateOf(now);
        var flagged = 0;
        while (true)
        {
            var candidates = await store.FindNewlyOverdueAsync(today, Batch, cancellationToken);
            var flaggedInBatch = 0;
            foreach (var candidate in candidates)
            {
                var raised = false;
                var saved = await store.UpdateAsync(candidate.ReferralId, assessment =>
                {
                    if (!assessment.IsOverdueOn(today))
                    {
                        return false;
                    }

                    assessment.OverdueSince = now;
                    var eventId = NewId.NextGuid();
                    assessment.Raise(
                        new EligibilityDecisionDeadlinePassed(eventId, assessment.ReferralId, now, assessment.ServiceType, assessment.DecisionDueOn!.Value, assessment.Outcome),
                        eventId,
                        now);
                    raised = true;
                    return true;
                }, cancellationToken);

                if (raised && saved is not null)
                {
                    flaggedInBatch++;
                    LogOverdue(logger, saved.ReferralId, saved.DecisionDueOn!.Value);
                    await publisher.PublishAsync(store.Outbox, saved, bus, cancellationToken);
                }
            }

            flagged += flaggedInBatch;
            if (candidates.Count < Batch || flaggedInBatch == 0)
            {
                return flagged;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility decision for referral {ReferralId} is overdue (due {DecisionDueOn})")]
    private static partial void LogOverdue(ILogger logger, Guid referralId, DateOnly decisionDueOn);
}

/// <summary>Runs <see cref="OverdueDecisions"/> at start and then every <see cref="DecisionDeadlineOptions.CheckInterval"/> (on the registered TimeProvider).</summary>
public sealed partial class OverdueDecisionsMonitor(
    OverdueDecisions overdue,
    IOptions<DecisionDeadlineOptions> options,
    TimeProvider time,
    ILogger<OverdueDecisionsMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await overdue.FlagAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a store outage must not stop the monitor.
                LogCheckFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The overdue-decision check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
