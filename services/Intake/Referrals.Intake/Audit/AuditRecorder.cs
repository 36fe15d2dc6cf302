using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Audit;

/// <summary>Writes what an API caller did or read into the trail, stamped with the caller's id and role.</summary>
public sealed class AuditRecorder(IAuditTrail trail, TimeProvider time)
{
    public Task RecordAsync(Actor actor, string action, Guid? referralId, Guid? clientId, string? detail, CancellationToken cancellationToken) =>
        trail.AppendAsync(
            new AuditEntry(Guid.NewGuid().ToString("N"), time.GetUtcNow(), actor.Id, actor.Role, action, referralId, clientId, detail),
            cancellationToken);
}
