using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Eligibility.Deadlines;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>
/// Assesses a submitted referral once: the assessment (id = referral id) and its EligibilityAssessed event are one
/// insert, so a redelivery finds the assessment and only re-publishes what may still be pending.
/// </summary>
public sealed partial class ReferralSubmittedConsumer(
    IAssessmentStore store,
    RuleSetVersions ruleSets,
    IOptions<DecisionDeadlineOptions> deadlines,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<ReferralSubmittedConsumer> logger) : IConsumer<ReferralSubmitted>
{
    public async Task Consume(ConsumeContext<ReferralSubmitted> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var existing = await store.FindAsync(message.ReferralId, cancellationToken);
        if (existing is null)
        {
            var ruleSet = await ruleSets.CurrentAsync(cancellationToken);
            var assessment = Assess(message, ruleSet, context.DeduplicationId());
            if (await store.TryAddAsync(assessment, cancellationToken))
            {
                LogAssessed(logger, message.ReferralId, assessment.Outcome, assessment.RuleSetVersion);
                await publisher.PublishAsync(store.Outbox, assessment, context, cancellationToken);
                return;
            }

            // A concurrent delivery inserted first; its document is the one that counts.
            existing = await store.FindAsync(message.ReferralId, cancellationToken);
        }

        LogAlreadyAssessed(logger, message.ReferralId);
        await publisher.PublishAsync(store.Outbox, existing, context, cancellationToken);
    }

    private Assessment Assess(ReferralSubmitted message, RuleSet ruleSet, Guid messageId)
    {
        var now = time.GetUtcNow();
        var facts = new EligibilityFacts(
            message.ServiceType,
            message.ClientGroup,
            message.DateOfBirth,
            message.MunicipalityCode,
            message.DeclaredMunicipalityCode,
            message.Documents)
        {
            Gender = message.Gender,
            ReferredBy = message.ReferredBy,
            ConsentGivenBy = message.ConsentGivenBy,
            CareLevel = message.CareLevel,
            IncomeStatus = message.IncomeStatus,
            DiagnosisCodes = message.DiagnosisCodes,
            Programme = message.Programme,
        };
        var evaluation = RuleEvaluator.Evaluate(ruleSet, facts, LatvianCalendar.DateOf(now));

        // MK 138 point 11: the month runs from complete documents; without that date, from the day of submission.
        var documentsComplete = message.DocumentsCompleteOn ?? LatvianCalendar.DateOf(message.OccurredAt);
        var assessment = Assessment.Of(
            message.ReferralId, message.ServiceType, evaluation, now,
            documentsComplete, deadlines.Value.DueOn(message.ServiceType, documentsComplete), message.MunicipalityCode);
        assessment.RememberProcessed(messageId);
        var eventId = NewId.NextGuid();
        assessment.Raise(
            new EligibilityAssessed(eventId, message.ReferralId, now, evaluation.Outcome, evaluation.RuleSetVersion, evaluation.Results),
            eventId,
            now);
        return assessment;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} assessed: {Outcome} under rule set {RuleSetVersion}")]
    private static partial void LogAssessed(ILogger logger, Guid referralId, EligibilityOutcome outcome, string ruleSetVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} was already assessed; re-publishing any pending event")]
    private static partial void LogAlreadyAssessed(ILogger logger, Guid referralId);
}
