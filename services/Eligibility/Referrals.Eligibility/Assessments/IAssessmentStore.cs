using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>Where assessments live. One per referral: adding a second one for the same referral is refused.</summary>
public interface IAssessmentStore
{
    /// <summary>The collection the outbox publisher and sweeper take pending events from.</summary>
    IOutboxSource Outbox { get; }

    Task<Assessment?> FindAsync(Guid referralId, CancellationToken cancellationToken);

    /// <summary>Stores a new assessment with its pending events in one write; false when the referral is already assessed.</summary>
    Task<bool> TryAddAsync(Assessment assessment, CancellationToken cancellationToken);

    /// <summary>Read, change, save-if-unchanged (retrying a lost race); null when there is no such assessment.</summary>
    Task<Assessment?> UpdateAsync(Guid referralId, Func<Assessment, bool> change, CancellationToken cancellationToken);

    /// <summary>NeedsInformation assessments due before <paramref name="today"/> and not yet flagged, oldest due first.</summary>
    Task<IReadOnlyList<Assessment>> FindNewlyOverdueAsync(DateOnly today, int max, CancellationToken cancellationToken);

    /// <summary>Assessments flagged overdue, oldest due first; only those of <paramref name="municipalities"/> when given.</summary>
    Task<IReadOnlyList<Assessment>> ListOverdueAsync(IReadOnlyCollection<string>? municipalities, int max, CancellationToken cancellationToken);
}
