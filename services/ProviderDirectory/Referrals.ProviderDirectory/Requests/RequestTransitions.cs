using Referrals.Contracts.ProviderDirectory;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Matching;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>The moves of a placement request; each raises the event that tells the rest of the system.</summary>
public static class RequestTransitions
{
    public static bool IsFinal(this PlacementRequestDocument request) =>
        request.Status is PlacementStatus.Withdrawn or PlacementStatus.Closed or PlacementStatus.NotEligible;

    /// <summary>Offers the plan's candidate, or waitlists the request when there is none.</summary>
    public static void Apply(this PlacementRequestDocument request, PlacementPlan plan, DateTimeOffset now)
    {
        request.Candidates = [.. plan.Candidates.Select(ToRanked)];
        if (plan.Offer is { } candidate)
        {
            OfferTo(request, candidate, now);
        }
        else
        {
            Waitlist(request, plan.WaitlistPosition, now);
        }
    }

    public static void OfferTo(this PlacementRequestDocument request, Candidate candidate, DateTimeOffset now)
    {
        request.Attempt++;
        request.Status = PlacementStatus.Offered;
        request.WaitlistedAt = null;
        request.UpdatedAt = now;
        var offerId = Guid.NewGuid();
        request.CurrentOffer = new CurrentOffer(offerId, candidate.ProviderId, candidate.ServiceId, request.Attempt);
        var eventId = Guid.NewGuid();
        request.Raise(
            new OfferRequested(eventId, request.ReferralId, now, candidate.ServiceId, offerId, request.Attempt, candidate.Rank, candidate.Why),
            eventId,
            now);
    }

    public static void Waitlist(this PlacementRequestDocument request, int position, DateTimeOffset now)
    {
        request.Attempt++;
        request.Status = PlacementStatus.Waitlisted;
        request.CurrentOffer = null;
        request.WaitlistedAt = now;
        request.UpdatedAt = now;
        var eventId = Guid.NewGuid();
        request.Raise(new ReferralWaitlisted(eventId, request.ReferralId, now, request.Attempt, request.ServiceType, position), eventId, now);
    }

    /// <summary>The referral left: the service holding its offer or place is asked to let go.</summary>
    public static void Leave(this PlacementRequestDocument request, PlacementStatus status, string? actor, DateTimeOffset now)
    {
        var serviceId = request.Place?.ServiceId ?? request.CurrentOffer?.ServiceId;
        request.Status = status;
        request.CurrentOffer = null;
        request.WaitlistedAt = null;
        request.UpdatedAt = now;
        if (serviceId is not null)
        {
            var eventId = Guid.NewGuid();
            request.Raise(new PlaceReleaseRequested(eventId, request.ReferralId, now, actor, serviceId), eventId, now);
        }
    }

    private static RankedCandidate ToRanked(Candidate c) =>
        new(c.ProviderId, c.ProviderName, c.ServiceId, c.Rank, c.HasFreePlace, c.Why);
}
