namespace Referrals.Intake.Audit;

/// <summary>The audit trail: entries are added, never changed or removed.</summary>
public interface IAuditTrail
{
    /// <summary>Adds the entry; an entry whose id is already there is left as it is (a redelivered message).</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
