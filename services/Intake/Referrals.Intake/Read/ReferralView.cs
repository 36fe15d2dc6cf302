using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;

namespace Referrals.Intake.Read;

/// <summary>The full referral as <c>GET /api/referrals/{id}</c> (and the withdraw/close commands) return it.</summary>
public sealed record ReferralView(
    Guid Id,
    string ShortCode,
    ReferralStatus Status,
    string Municipality,
    string ServiceType,
    string ClientGroup,
    IReadOnlyList<string> Documents,
    string? PreferredProviderId,
    ClientView Client,
    FamilyView Family,
    FactsView? Facts,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    EligibilityView? Eligibility,
    OfferView? CurrentOffer,
    PlacementView? Placement,
    int? WaitlistPosition,
    ReferralOutcome? Outcome,
    IReadOnlyList<TimelineView> Timeline)
{
    public static ReferralView From(Referral r) => new(
        r.ReferralGuid(),
        r.ShortCode,
        r.Status,
        r.Municipality,
        r.ServiceType,
        r.ClientGroup,
        r.Documents,
        r.PreferredProviderId,
        new ClientView(r.Client.ClientId, r.Client.GivenName, r.Client.FamilyName, r.Client.PersonalCode,
            r.Client.DateOfBirth, r.Client.Gender, r.Client.Address, r.Client.DeclaredMunicipality),
        new FamilyView(r.Family.Phone, r.Family.PreferredLanguage, r.Family.SmsConsent),
        r.Facts is { } f
            ? new FactsView(f.ReferredBy, f.ConsentGivenBy, f.CareLevel, f.IncomeStatus, f.DiagnosisCodes, f.DocumentsCompleteOn, f.Programme)
            : null,
        r.SubmittedAt,
        r.UpdatedAt,
        r.Eligibility is { } e
            ? new EligibilityView(e.Outcome, e.RuleSetVersion,
                e.Results.Select(x => new RuleResultView(x.RuleId, x.Verdict, x.ReasonLv, x.ReasonEn)).ToList())
            : null,
        r.CurrentOffer is { } o ? new OfferView(o.OfferId, o.ProviderId, o.ProviderName, o.Attempt) : null,
        r.Placement is { } p ? new PlacementView(p.ProviderId, p.ProviderName, p.ProviderPhone, p.ServiceId, p.AcceptedAt) : null,
        r.WaitlistPosition,
        r.Outcome,
        r.Timeline.Select(t => new TimelineView(t.At, t.Event, t.Status, t.Actor, t.Detail)).ToList());
}

public sealed record ClientView(
    Guid ClientId,
    string GivenName,
    string FamilyName,
    string PersonalCode,
    DateOnly DateOfBirth,
    string Gender,
    string? Address,
    string DeclaredMunicipality);

public sealed record FamilyView(string? Phone, string PreferredLanguage, bool SmsConsent);

public sealed record FactsView(
    string? ReferredBy,
    IReadOnlyList<string>? ConsentGivenBy,
    string? CareLevel,
    string? IncomeStatus,
    IReadOnlyList<string>? DiagnosisCodes,
    DateOnly? DocumentsCompleteOn,
    string? Programme);

public sealed record EligibilityView(EligibilityOutcome Outcome, string RuleSetVersion, IReadOnlyList<RuleResultView> Results);

public sealed record RuleResultView(string RuleId, RuleVerdict Verdict, string ReasonLv, string ReasonEn);

public sealed record OfferView(Guid OfferId, string ProviderId, string ProviderName, int Attempt);

public sealed record PlacementView(string ProviderId, string ProviderName, string? ProviderPhone, string ServiceId, DateTimeOffset AcceptedAt);

public sealed record TimelineView(DateTimeOffset At, string Event, ReferralStatus Status, string? Actor, string? Detail);

/// <summary>One row of <c>GET /api/referrals</c>: no personal data.</summary>
public sealed record ReferralSummary(
    Guid Id,
    string ShortCode,
    ReferralStatus Status,
    string ServiceType,
    string Municipality,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt)
{
    public static ReferralSummary From(Referral r) =>
        new(r.ReferralGuid(), r.ShortCode, r.Status, r.ServiceType, r.Municipality, r.SubmittedAt, r.UpdatedAt);
}
