using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>Where referrals live: the SQLite and MongoDB adapters answer exactly these questions.</summary>
public interface IReferralStore
{
    /// <summary>The collection, for the outbox publisher and the sweeper.</summary>
    IOutboxSource Outbox { get; }

    /// <summary>False when the id, the short code or the idempotency key is already taken; nothing is written then.</summary>
    Task<bool> TryInsertAsync(Referral referral, CancellationToken cancellationToken);

    Task<Referral?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<Referral?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>Read, change, write under the version guard (see <c>DocumentUpdates</c>); null when there is no such referral.</summary>
    Task<Referral?> UpdateAsync(Guid id, Func<Referral, bool> change, Guid? messageId, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="municipalities"/> null means every municipality, <paramref name="status"/> null every status.</summary>
    Task<IReadOnlyList<Referral>> ListAsync(IReadOnlyCollection<string>? municipalities, ReferralStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>The municipality's referrals of the person with this personal-code hash, newest first.</summary>
    Task<IReadOnlyList<Referral>> FindByPersonalCodeHashAsync(string municipality, string hash, int limit, CancellationToken cancellationToken);

    /// <summary>The municipality's referrals of one client, newest first.</summary>
    Task<IReadOnlyList<Referral>> ListByClientAsync(string municipality, Guid clientId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// For the report: the referrals of <paramref name="municipalities"/> submitted in [<paramref name="from"/>,
    /// <paramref name="to"/>) and, whenever submitted, those Waitlisted now; a page of at most
    /// <paramref name="pageSize"/> at a time, so the caller folds one page and lets it go before the next is read.
    /// Adapters may leave out fields the report does not read (the personal data among them).
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<Referral>> ReadForReportAsync(
        IReadOnlyCollection<string> municipalities, DateTimeOffset from, DateTimeOffset to, int pageSize, CancellationToken cancellationToken);

    /// <summary>Final (Closed, Withdrawn, Rejected), not yet anonymised, last updated before <paramref name="updatedBefore"/>; oldest first.</summary>
    Task<IReadOnlyList<Referral>> ListExpiredAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken);
}
