using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>
/// The referrals collection as the outbox sweeper sees it, opened on first use. Hosted services are built before
/// options are validated at start, and opening the store touches the database (MongoDB creates its indexes): a
/// misconfiguration must be reported as such, not as a database timeout.
/// </summary>
public sealed class DeferredOutboxSource(IServiceProvider services) : IOutboxSource
{
    public string Name => "referrals";

    public Task<IReadOnlyList<PendingEvents>> FindPendingAsync(int max, CancellationToken cancellationToken = default) =>
        Source.FindPendingAsync(max, cancellationToken);

    public Task RemovePublishedAsync(string documentId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default) =>
        Source.RemovePublishedAsync(documentId, messageIds, cancellationToken);

    private IOutboxSource Source => services.GetRequiredService<IReferralStore>().Outbox;
}
