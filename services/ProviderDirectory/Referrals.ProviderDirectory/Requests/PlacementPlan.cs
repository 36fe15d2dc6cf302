using Referrals.ProviderDirectory.Matching;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// Where a request goes next: the candidate to offer, or (when no candidate has a free place) the waiting list at
/// <see cref="WaitlistPosition"/>.
/// </summary>
public sealed record PlacementPlan(IReadOnlyList<Candidate> Candidates, Candidate? Offer, int WaitlistPosition);
