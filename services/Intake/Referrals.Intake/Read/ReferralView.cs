using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Intake.Access;
using Referrals.Intake.Protection;
using Referrals.Intake.Referrals;

namespace Referrals.Intake.Read;

/// <summary>
/// A referral as <c>GET /api/referrals/{id}</c>, the commands and the export return it. <see cref="Disclosure"/> says
/// how much the caller may see: personal data (names, personal code, address, phone) is decrypted only for a full view
/// and is null otherwise; a minimum view also leaves out the timeline and the consent.
/// </summary>
public sealed record ReferralView(
    Guid Id,
    string ShortCode,
    Disclosure Disclosure,
    ReferralStatus Status,
    string Municipality,
    string ServiceType,
    string ClientGroup,
    IReadOnlyList<string> Documents,
    string? PreferredProviderId,
    ClientView Client,
    FamilyView Family,
    ConsentView? Consent,
    FactsView? Facts,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    EligibilityView? Eligibility,
    OfferView? CurrentOffer,
    PlacementView? Placement,
    int? WaitlistPosition,
    ReferralOutcome? Outcome,
    DateTimeOffset? AnonymisedAt,
    IReadOnlyList<TimelineView> Timeline)
{
    public static ReferralView From(Referral r, Disclosure disclosure, PersonalDataProtector protector)
    {
        var full = disclosure == Disclosure.Full;
        var minimum = disclosure == Disclosure.Minimum;
        return new(
            r.ReferralGuid(),
            r.ShortCode,
            disclosure,
            r.Status,
            r.Municipality,
            r.ServiceType,
            r.ClientGroup,
            r.Documents,
            r.PreferredProviderId,
            new ClientView(
                r.Client.ClientId,
                full ? r.Client.GivenName : null,
                full ? r.Client.FamilyName : null,
                full ? protector.UnprotectOrNull(r.Client.ProtectedPersonalCode, PersonalDataProtector.PersonalCodePurpose) : null,
                r.Client.DateOfBirth,
                r.Client.Gender,
                full ? r.Client.Address : null,
                r.Client.DeclaredMunicipality),
            new FamilyView(
                full ? protector.UnprotectOrNull(r.Family.ProtectedPhone, PersonalDataProtector.PhonePurpose) : null,
                r.Family.PreferredLanguage,
                r.Family.SmsConsent),
            !minimum && r.Consent is { } c ? new ConsentView(c.GivenBy, c.GivenOn, c.Purposes, c.RecordedBy, c.RecordedAt) : null,
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
            r.AnonymisedAt,
            minimum ? [] : r.Timeline.Select(t => new TimelineView(t.At, t.Event, t.Status, t.Actor, t.Detail)).ToList());
    }
}

/// <param name="DateOfBirth">After anonymisation only the year is true (1 January of the birth year).</param>
public sealed record ClientView(
    Guid ClientId,
    string? GivenName,
    string? FamilyName,
    string? PersonalCode,
    DateOnly DateOfBirth,
    string Gender,
    string? Address,
    string DeclaredMunicipality);

public sealed record FamilyView(string? Phone, string PreferredLanguage, bool SmsConsent);

public sealed record ConsentView(string GivenBy, DateOnly GivenOn, IReadOnlyList<string> Purposes, string RecordedBy, DateTimeOffset RecordedAt);

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
