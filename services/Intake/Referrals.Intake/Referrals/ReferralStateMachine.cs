using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Contracts.ProviderDirectory;

namespace Referrals.Intake.Referrals;

/// <summary>
/// Every change a referral can go through, with no I/O: each method records a timeline line, moves the status when
/// the rules allow it and raises the events the move causes into the document's outbox. Messages may arrive late
/// or out of order, so the directory's <c>Attempt</c> decides which offer or waitlisting is current, and anything
/// that arrives for a final referral is recorded but changes nothing.
/// </summary>
public static class ReferralStateMachine
{
    public static bool IsFinal(ReferralStatus status) =>
        status is ReferralStatus.Rejected or ReferralStatus.Withdrawn or ReferralStatus.Closed;

    public static bool CanWithdraw(ReferralStatus status) => !IsFinal(status) && status != ReferralStatus.Placed;

    public static bool CanClose(ReferralStatus status) => status == ReferralStatus.Placed;

    /// <summary>A new referral: Submitted, announced as change 1 (From = To = Submitted) together with ReferralSubmitted.</summary>
    /// <param name="phone">The family's number in clear (the document holds it only encrypted), for the SMS contact.</param>
    public static void Submit(Referral referral, string? actor, DateTimeOffset now, string? phone)
    {
        referral.Status = ReferralStatus.Submitted;
        referral.StatusSequence = 0;
        referral.SubmittedAt = now;
        referral.UpdatedAt = now;
        AddLine(referral, now, nameof(ReferralSubmitted), actor, null);
        var contact = referral.Family.SmsConsent && phone is not null
            ? new FamilyContact(phone, referral.Family.PreferredLanguage)
            : null;
        var eventId = Guid.NewGuid();
        referral.Raise(
            new ReferralSubmitted(
                eventId,
                referral.ReferralGuid(),
                now,
                actor,
                referral.ShortCode,
                referral.Municipality,
                referral.Client.DeclaredMunicipality,
                referral.ServiceType,
                referral.ClientGroup,
                referral.Client.DateOfBirth,
                referral.Client.Gender,
                referral.Documents.ToList(),
                referral.PreferredProviderId,
                contact)
            {
                ReferredBy = referral.Facts?.ReferredBy,
                ConsentGivenBy = referral.Facts?.ConsentGivenBy?.ToList(),
                CareLevel = referral.Facts?.CareLevel,
                IncomeStatus = referral.Facts?.IncomeStatus,
                DiagnosisCodes = referral.Facts?.DiagnosisCodes?.ToList(),
                DocumentsCompleteOn = referral.Facts?.DocumentsCompleteOn,
                Programme = referral.Facts?.Programme,
            },
            eventId,
            now);
        Announce(referral, ReferralStatus.Submitted, ReferralStatus.Submitted, actor, now, null, null);
    }

    public static void Apply(Referral referral, EligibilityAssessed message, DateTimeOffset now)
    {
        const string Event = nameof(EligibilityAssessed);
        var awaitingAssessment = referral.Status is ReferralStatus.Submitted or ReferralStatus.NeedsInformation;
        if (awaitingAssessment || referral.Eligibility is null)
        {
            referral.Eligibility = new ReferralEligibility
            {
                Outcome = message.Outcome,
                RuleSetVersion = message.RuleSetVersion,
                Results = message.Results.Select(r => new ReferralRuleResult
                {
                    RuleId = r.RuleId,
                    Verdict = r.Verdict,
                    ReasonLv = r.ReasonLv,
                    ReasonEn = r.ReasonEn,
                }).ToList(),
            };
        }

        if (!awaitingAssessment)
        {
            var why = IsFinal(referral.Status)
                ? $"{message.Outcome}; referral is already final"
                : $"{message.Outcome}; arrived after the referral moved on";
            AddLine(referral, now, Event, null, why);
            return;
        }

        switch (message.Outcome)
        {
            case EligibilityOutcome.NotEligible:
                var rejection = Reasons(message, RuleVerdict.Failed) ?? "Not eligible";
                Move(referral, ReferralStatus.Rejected, Event, null, now, rejection, reason: rejection);
                break;
            case EligibilityOutcome.NeedsInformation:
                var missing = Reasons(message, RuleVerdict.MissingInformation) ?? "More information needed";
                Move(referral, ReferralStatus.NeedsInformation, Event, null, now, missing, reason: missing);
                break;
            default:
                Move(referral, ReferralStatus.Matching, Event, null, now, $"Eligible (rules {message.RuleSetVersion})");
                break;
        }
    }

    public static void Apply(Referral referral, PlacementOffered message, DateTimeOffset now)
    {
        const string Event = nameof(PlacementOffered);
        var detail = $"Attempt {message.Attempt}: offered to {message.ProviderName}";
        if (IsFinal(referral.Status) || referral.Status == ReferralStatus.Placed || message.Attempt <= referral.LastAttempt)
        {
            AddLine(referral, now, Event, null, Ignored(referral, detail, message.Attempt));
            return;
        }

        referral.LastAttempt = message.Attempt;
        referral.WaitlistPosition = null;
        referral.CurrentOffer = new ReferralOffer
        {
            OfferId = message.OfferId,
            ProviderId = message.ProviderId,
            ProviderName = message.ProviderName,
            ServiceId = message.ServiceId,
            Attempt = message.Attempt,
        };
        Move(referral, ReferralStatus.Offered, Event, null, now, ImpliesEligible(referral, detail));
    }

    public static void Apply(Referral referral, PlacementDeclined message, DateTimeOffset now)
    {
        const string Event = nameof(PlacementDeclined);
        var detail = $"Attempt {message.Attempt}: declined by {message.ProviderId} ({message.Reason})";
        // A provider's decline is a fact for the report whatever the referral's state or the order messages came in.
        RecordDecline(referral, message);
        if (IsFinal(referral.Status) || referral.Status == ReferralStatus.Placed)
        {
            AddLine(referral, now, Event, message.Actor, Ignored(referral, detail, message.Attempt));
            return;
        }

        if (referral.Status == ReferralStatus.Offered && referral.CurrentOffer?.Attempt == message.Attempt)
        {
            referral.CurrentOffer = null;
            Move(referral, ReferralStatus.Matching, Event, message.Actor, now, detail);
            return;
        }

        if (message.Attempt > referral.LastAttempt)
        {
            // The offer itself has not arrived yet: remember the attempt so it counts as stale when it does.
            referral.LastAttempt = message.Attempt;
            if (referral.Status is ReferralStatus.Submitted or ReferralStatus.NeedsInformation)
            {
                Move(referral, ReferralStatus.Matching, Event, message.Actor, now, ImpliesEligible(referral, detail));
                return;
            }
        }

        AddLine(referral, now, Event, message.Actor, $"{detail}; not the current offer");
    }

    public static void Apply(Referral referral, ReferralWaitlisted message, DateTimeOffset now)
    {
        const string Event = nameof(ReferralWaitlisted);
        var detail = $"Attempt {message.Attempt}: waitlisted at position {message.Position}";
        if (IsFinal(referral.Status) || referral.Status == ReferralStatus.Placed || message.Attempt <= referral.LastAttempt)
        {
            AddLine(referral, now, Event, null, Ignored(referral, detail, message.Attempt));
            return;
        }

        referral.LastAttempt = message.Attempt;
        referral.CurrentOffer = null;
        referral.WaitlistPosition = message.Position;
        Move(referral, ReferralStatus.Waitlisted, Event, null, now, ImpliesEligible(referral, detail),
            waitlistPosition: message.Position);
    }

    public static void Apply(Referral referral, PlacementAccepted message, DateTimeOffset now)
    {
        const string Event = nameof(PlacementAccepted);
        var detail = $"Attempt {message.Attempt}: accepted by {message.ProviderName}";
        if (IsFinal(referral.Status) || referral.Status == ReferralStatus.Placed)
        {
            AddLine(referral, now, Event, message.Actor, Ignored(referral, detail, message.Attempt));
            return;
        }

        // The directory took the place atomically: an acceptance is the truth whatever attempt we last saw.
        referral.LastAttempt = Math.Max(referral.LastAttempt, message.Attempt);
        referral.CurrentOffer = null;
        referral.WaitlistPosition = null;
        referral.Placement = new ReferralPlacement
        {
            ProviderId = message.ProviderId,
            ProviderName = message.ProviderName,
            ProviderPhone = message.ProviderPhone,
            ServiceId = message.ServiceId,
            AcceptedAt = message.OccurredAt,
        };
        Move(referral, ReferralStatus.Placed, Event, message.Actor, now, ImpliesEligible(referral, detail),
            provider: new ProviderContact(message.ProviderId, message.ProviderName, message.ProviderPhone));
    }

    public static void Apply(Referral referral, SmsStatusChanged message, DateTimeOffset now)
    {
        var detail = $"SMS #{message.StatusSequence} {message.State}";
        AddLine(referral, now, nameof(SmsStatusChanged), null,
            string.IsNullOrWhiteSpace(message.Detail) ? detail : $"{detail}: {message.Detail}");
    }

    /// <summary>The social worker withdraws the referral. False (nothing changed) from a final state or Placed.</summary>
    public static bool Withdraw(Referral referral, string reason, string? actor, DateTimeOffset now)
    {
        if (!CanWithdraw(referral.Status))
        {
            return false;
        }

        referral.WithdrawReason = reason;
        referral.CurrentOffer = null;
        referral.WaitlistPosition = null;
        var eventId = Guid.NewGuid();
        referral.Raise(new ReferralWithdrawn(eventId, referral.ReferralGuid(), now, actor, reason), eventId, now);
        Move(referral, ReferralStatus.Withdrawn, nameof(ReferralWithdrawn), actor, now, reason, reason: reason);
        return true;
    }

    /// <summary>The social worker closes a placed referral with its outcome. False (nothing changed) unless Placed.</summary>
    public static bool Close(Referral referral, ReferralOutcome outcome, string? note, string? actor, DateTimeOffset now)
    {
        if (!CanClose(referral.Status))
        {
            return false;
        }

        referral.Outcome = outcome;
        referral.OutcomeNote = note;
        var eventId = Guid.NewGuid();
        referral.Raise(new ReferralClosed(eventId, referral.ReferralGuid(), now, actor, outcome, note), eventId, now);
        var detail = string.IsNullOrWhiteSpace(note) ? outcome.ToString() : $"{outcome}: {note}";
        Move(referral, ReferralStatus.Closed, nameof(ReferralClosed), actor, now, detail, reason: outcome.ToString());
        return true;
    }

    /// <summary>
    /// The retention period of a final referral ran out: erase the client's personal data (names, personal code and
    /// its hash, address, phone, free-text reasons), keep only the birth year (as 1 January, so the date stays a
    /// date), mark it and raise ReferralAnonymised. False (nothing changed) unless final and not yet anonymised.
    /// </summary>
    public static bool Anonymise(Referral referral, DateTimeOffset now)
    {
        if (!IsFinal(referral.Status) || referral.AnonymisedAt is not null)
        {
            return false;
        }

        var client = referral.Client;
        client.GivenName = null;
        client.FamilyName = null;
        client.ProtectedPersonalCode = null;
        client.PersonalCodeHash = null;
        client.Address = null;
        client.DateOfBirth = new DateOnly(client.DateOfBirth.Year, 1, 1);
        referral.Family.ProtectedPhone = null;
        referral.WithdrawReason = null;
        referral.OutcomeNote = null;
        foreach (var line in referral.Timeline.Where(l => l.Event is nameof(ReferralWithdrawn) or nameof(ReferralClosed)))
        {
            // Free text a social worker wrote may name people; the outcome code is kept.
            line.Detail = line.Event == nameof(ReferralClosed) ? referral.Outcome?.ToString() : null;
        }

        referral.IdempotencyKey = null;
        referral.RequestHash = null;
        referral.AnonymisedAt = now;
        var eventId = Guid.NewGuid();
        referral.Raise(new ReferralAnonymised(eventId, referral.ReferralGuid(), now), eventId, now);
        AddLine(referral, now, nameof(ReferralAnonymised), "system", "Retention period ended; personal data erased");
        return true;
    }

    private static void RecordDecline(Referral referral, PlacementDeclined message)
    {
        if (referral.Declines.Any(d => d.OfferId == message.OfferId))
        {
            return;
        }

        referral.Declines.Add(new ReferralDecline
        {
            OfferId = message.OfferId,
            Attempt = message.Attempt,
            ProviderId = message.ProviderId,
            Reason = message.Reason,
            At = message.OccurredAt,
        });
    }

    private static void Move(
        Referral referral,
        ReferralStatus to,
        string @event,
        string? actor,
        DateTimeOffset now,
        string? detail,
        string? reason = null,
        ProviderContact? provider = null,
        int? waitlistPosition = null)
    {
        var from = referral.Status;
        referral.Status = to;
        AddLine(referral, now, @event, actor, detail);
        if (from != to)
        {
            Announce(referral, from, to, actor, now, reason, provider, waitlistPosition);
        }
    }

    private static void Announce(
        Referral referral,
        ReferralStatus from,
        ReferralStatus to,
        string? actor,
        DateTimeOffset now,
        string? reason,
        ProviderContact? provider,
        int? waitlistPosition = null)
    {
        referral.StatusSequence++;
        var eventId = Guid.NewGuid();
        referral.Raise(
            new ReferralStatusChanged(
                eventId,
                referral.ReferralGuid(),
                now,
                actor,
                referral.StatusSequence,
                from,
                to,
                referral.ShortCode,
                referral.ServiceType,
                reason,
                provider,
                waitlistPosition),
            eventId,
            now);
    }

    private static void AddLine(Referral referral, DateTimeOffset now, string @event, string? actor, string? detail)
    {
        referral.UpdatedAt = now;
        referral.Timeline.Add(new TimelineEntry
        {
            At = now,
            Event = @event,
            Status = referral.Status,
            Actor = actor,
            Detail = detail,
        });
    }

    private static string Ignored(Referral referral, string detail, int attempt) =>
        IsFinal(referral.Status) || referral.Status == ReferralStatus.Placed
            ? $"{detail}; ignored, referral is {referral.Status}"
            : $"{detail}; ignored, attempt {attempt} is not newer than {referral.LastAttempt}";

    /// <summary>The directory only acts on eligible referrals, so its event also settles an assessment not yet seen.</summary>
    private static string ImpliesEligible(Referral referral, string detail) =>
        referral.Status is ReferralStatus.Submitted or ReferralStatus.NeedsInformation
            ? $"{detail} (eligibility implied by the directory)"
            : detail;

    private static string? Reasons(EligibilityAssessed message, RuleVerdict verdict)
    {
        var reasons = message.Results.Where(r => r.Verdict == verdict).Select(r => r.ReasonLv).ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
