using Referrals.ProviderDirectory.Matching;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>Reads the services a request could use and decides its next step (pure decision in <see cref="Matcher"/>).</summary>
public sealed class PlacementPlanner(IDirectoryStore store, TimeProvider time)
{
    public async Task<PlacementPlan> PlanAsync(PlacementRequestDocument request, CancellationToken cancellationToken)
    {
        // The store narrows to what can fit (type, active, municipality or region); the matcher decides the rest.
        var region = Municipalities.Find(request.DeclaredMunicipality)?.Region.ToString();
        var age = Matcher.AgeOn(request.DateOfBirth, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var services = await store.MatchableServicesAsync(
            new MatchQuery(request.ServiceType, request.DeclaredMunicipality, region, age, NullIfEmpty(request.Gender), NullIfEmpty(request.ClientGroup)),
            cancellationToken);
        var candidates = Match(request, services);
        var declined = request.DeclinedBy.Select(d => d.ServiceId).ToHashSet(StringComparer.Ordinal);
        var offer = candidates.FirstOrDefault(c => c.HasFreePlace && !declined.Contains(c.ServiceId));
        var position = 0;
        if (offer is null)
        {
            var waiting = await store.WaitlistedAsync(request.ServiceType, cancellationToken);
            position = waiting.Count(w => w.Id != request.Id) + 1;
        }

        return new PlacementPlan(candidates, offer, position);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public IReadOnlyList<Candidate> Match(PlacementRequestDocument request, IEnumerable<ServiceDocument> services) =>
        Matcher.Match(CriteriaOf(request), services.Where(s => s.Active).Select(OptionOf), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    public static MatchCriteria CriteriaOf(PlacementRequestDocument request) => new(
        request.ServiceType,
        request.ClientGroup,
        request.DateOfBirth,
        request.Gender,
        request.DeclaredMunicipality,
        request.PreferredProviderId);

    public static ServiceOption OptionOf(ServiceDocument service) => new(
        service.ProviderId,
        service.ProviderName,
        service.Id,
        service.ServiceType,
        service.ClientGroups,
        service.MinAge,
        service.MaxAge,
        service.Gender,
        service.Municipality,
        service.Available);
}
