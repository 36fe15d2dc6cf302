namespace Referrals.Portal.Api;

// The shapes the portal reads from the platform's APIs: only the fields it shows. Enums arrive as their names.

public sealed record ReferralSummary(Guid Id, string ShortCode, string Status, string ServiceType, string Municipality,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

public sealed record SubmittedReferral(Guid Id, string ShortCode, string Status);

public sealed record ReferralView(
    Guid Id,
    string ShortCode,
    string Disclosure,
    string Status,
    string Municipality,
    string ServiceType,
    string ClientGroup,
    IReadOnlyList<string> Documents,
    string? PreferredProviderId,
    ClientView Client,
    FamilyView Family,
    ConsentView? Consent,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    EligibilityView? Eligibility,
    OfferSummary? CurrentOffer,
    PlacementView? Placement,
    int? WaitlistPosition,
    string? Outcome,
    IReadOnlyList<TimelineView> Timeline);

public sealed record ClientView(string? GivenName, string? FamilyName, string? PersonalCode, DateOnly DateOfBirth, string Gender,
    string? Address, string DeclaredMunicipality);

public sealed record FamilyView(string? Phone, string PreferredLanguage, bool SmsConsent);

public sealed record ConsentView(string GivenBy, DateOnly GivenOn, IReadOnlyList<string> Purposes);

public sealed record EligibilityView(string Outcome, string RuleSetVersion, IReadOnlyList<RuleResultView> Results);

public sealed record RuleResultView(string RuleId, string Verdict, string ReasonLv, string ReasonEn);

public sealed record OfferSummary(Guid OfferId, string ProviderId, string ProviderName, int Attempt);

public sealed record PlacementView(string ProviderId, string ProviderName, string? ProviderPhone, string ServiceId, DateTimeOffset AcceptedAt);

public sealed record TimelineView(DateTimeOffset At, string Event, string Status, string? Actor, string? Detail);

public sealed record EligibilityCheck(string Outcome, string RuleSetVersion, IReadOnlyList<RuleResultView> Results);

public sealed record PlacementRequestView(Guid ReferralId, string Status, string ServiceType, int Attempt,
    IReadOnlyList<CandidateView> Candidates, Guid? CurrentOfferId, int? WaitlistPosition, IReadOnlyList<string> DeclinedBy);

public sealed record CandidateView(string ProviderId, string ProviderName, string ServiceId, int Rank, bool HasFreePlace, IReadOnlyList<string> Why);

public sealed record NotificationView(string Id, int StatusSequence, string Status, string Language, string? To, string Text,
    int Segments, string State, DateTimeOffset CreatedAt, IReadOnlyList<NotificationHistory> History);

public sealed record NotificationHistory(string State, DateTimeOffset At);

public sealed record PublicStatusView(string Status, string StatusLv, string StatusEn, string StatusRu, PublicProviderView? Provider);

public sealed record PublicProviderView(string Name, string? Phone);

public sealed record OfferView(Guid OfferId, Guid ReferralId, string ProviderId, string ProviderName, string ServiceId, string ServiceType,
    int Attempt, string Status, DateTimeOffset OfferedAt, DateTimeOffset? DecidedAt, string? DeclineReason, string? DeclineText);

public sealed record CapacityView(string ServiceId, int Available, int Maximum, string Updated);

public sealed record HsdsPage<T>(long TotalItems, int TotalPages, int PageNumber, IReadOnlyList<T> Contents);

public sealed record HsdsService(string Id, string OrganizationId, string Name, string Description, string Status,
    string? EligibilityDescription, int? MinimumAge, int? MaximumAge, string? Municipality, HsdsOrganization? Organization);

public sealed record HsdsOrganization(string Id, string Name, string? Email, string? Website, string? Municipality);

public sealed record RuleView(string Id, string TitleLv, string TitleEn, string Strength, IReadOnlyList<string> ServiceTypes,
    IReadOnlyList<string> ClientGroups, string RuleSetVersion);

/// <summary>Municipality: null from an eligibility service older than the coordinator report.</summary>
public sealed record OverdueDecision(Guid ReferralId, string ServiceType, string Outcome, DateOnly? DecisionDueOn, string? Municipality = null);

public sealed record OwnServiceView(string ServiceId, string? ServiceName, string ServiceType, IReadOnlyList<string> ClientGroups,
    int? MinAge, int? MaxAge, int Maximum, int Available, string Updated);

/// <summary>An organisation's public contact as the HSDS directory gives it (a municipality's social service).</summary>
public sealed record HsdsContact(string Name, string? Email, string? Website, string? Municipality, IReadOnlyList<HsdsPhoneView>? Phones);

public sealed record HsdsPhoneView(string Number, string Type);
