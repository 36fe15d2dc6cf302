using MassTransit;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Eligibility.Rules;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>
/// Assesses a submitted referral once: the assessment (id = referral id) and its EligibilityAssessed event are one
/// insert, so a redelivery finds the assessment and only re-publishes what may still be pending.
/// </summary>
public sealed partial class ReferralSubmittedConsumer(
    IAssessmentStore store,
    RuleSet ruleSet,
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
            var assessment = Assess(message, context.DeduplicationId());
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

    private Assessment Assess(ReferralSubmitted message, Guid messageId)
    {
        var now = time.GetUtcNow();
        var facts = new EligibilityFacts(
            message.ServiceType,
            message.ClientGroup,
            message.DateOfBirth,
            message.MunicipalityCode,
            message.DeclaredMunicipalityCode,
            message.Documents);
        var evaluation = RuleEvaluator.Evaluate(ruleSet, facts, LatvianCalendar.DateOf(now));
        var assessment = Assessment.Of(message.ReferralId, message.ServiceType, evaluation, now);
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
