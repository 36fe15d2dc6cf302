namespace Referrals.ProviderDirectory;

/// <summary>The directory's log lines. Ids only: no personal data ever reaches this service, let alone its logs.</summary>
internal static partial class DirectoryLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} offered to service {ServiceId} (attempt {Attempt})")]
    public static partial void Offered(ILogger logger, Guid referralId, string serviceId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} waitlisted for {ServiceType} at position {Position}")]
    public static partial void Waitlisted(ILogger logger, Guid referralId, string serviceType, int position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility of referral {ReferralId} arrived before its criteria; retrying later")]
    public static partial void CriteriaMissing(ILogger logger, Guid referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} of referral {ReferralId}: {Result}")]
    public static partial void Decision(ILogger logger, Guid offerId, Guid referralId, ProviderServices.DecisionResult result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Service {ServiceId} has {Available} free places; promoting {Count} waitlisted referrals")]
    public static partial void Promoting(ILogger logger, string serviceId, int available, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {MessageType} for referral {ReferralId}: it names provider {ProviderId}, which the offer was not made to")]
    public static partial void ForeignProvider(ILogger logger, string messageType, Guid referralId, string providerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {MessageType} for referral {ReferralId}: offer {OfferId} is not of service {ServiceId}")]
    public static partial void ForeignService(ILogger logger, string messageType, Guid referralId, Guid offerId, string serviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {MessageType} for service {ServiceId}: it names provider {ProviderId}, which the service is not of")]
    public static partial void ForeignServiceOfProvider(ILogger logger, string messageType, string serviceId, string providerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {Path} not found; skipping it")]
    public static partial void SeedMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the register: {Organisations} providers with {Services} services, {Offices} social services")]
    public static partial void RegisterLoaded(ILogger logger, int organisations, int services, int offices);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo directory with {Count} organisations")]
    public static partial void Seeded(ILogger logger, int count);
}
