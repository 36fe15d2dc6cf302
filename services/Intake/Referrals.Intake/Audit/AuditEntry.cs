namespace Referrals.Intake.Audit;

/// <summary>
/// One line of the append-only audit trail: who did or read what, when. Ids and codes only, never personal data, so
/// the administrator may read it.
/// </summary>
/// <param name="Id">Random for API calls; derived from the message id for consumed events, so a redelivery writes nothing new.</param>
/// <param name="Detail">e.g. "view=full" or "Offered→Placed"; never names, personal codes, addresses or phone numbers.</param>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string ActorId,
    string ActorRole,
    string Action,
    Guid? ReferralId,
    Guid? ClientId,
    string? Detail);

/// <summary>What the trail records (the <see cref="AuditEntry.Action"/> values).</summary>
public static class AuditActions
{
    public const string Submitted = "referral.submitted";
    public const string Withdrawn = "referral.withdrawn";
    public const string Closed = "referral.closed";
    public const string Read = "referral.read";
    public const string Searched = "referral.searched";
    public const string Exported = "client.exported";
    public const string StatusChanged = "referral.status-changed";
    public const string Anonymised = "referral.anonymised";

    /// <summary>The actor of what the service does on its own (retention).</summary>
    public const string System = "system";
}

/// <summary>Filters of <c>GET /api/referrals/audit</c>; any may be null. <c>From</c> inclusive, <c>To</c> exclusive.</summary>
public sealed record AuditQuery(Guid? ReferralId, string? ActorId, DateTimeOffset? From, DateTimeOffset? To, int Limit);
