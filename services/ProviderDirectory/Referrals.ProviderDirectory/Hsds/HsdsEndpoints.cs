using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Hsds;

/// <summary>
/// The HSDS 3.0 read API under /api/providers: <c>/</c>, <c>/services</c>, <c>/services/{id}</c>, <c>/organizations</c>,
/// <c>/organizations/{id}</c>, <c>/service_at_locations</c>, <c>/taxonomies</c>, <c>/taxonomy_terms</c>. Ids are the
/// published UUIDs; the directory's own keys are accepted too. Filters are cumulative, lists are paged.
/// </summary>
public static class HsdsEndpoints
{
    public const string Version = "3.0";
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 500;

    public static RouteGroupBuilder MapHsds(this RouteGroupBuilder group)
    {
        group.MapGet("/", Root);
        group.MapGet("/services", ServicesAsync);
        group.MapGet("/services/{id}", ServiceAsync);
        group.MapGet("/organizations", OrganisationsAsync);
        group.MapGet("/organizations/{id}", OrganisationAsync);
        group.MapGet("/service_at_locations", ServiceAtLocationsAsync);
        group.MapGet("/taxonomies", Taxonomies);
        group.MapGet("/taxonomies/{id}", Taxonomy);
        group.MapGet("/taxonomy_terms", TaxonomyTerms);
        group.MapGet("/taxonomy_terms/{id}", TaxonomyTerm);
        return group;
    }

    public static JsonHttpResult<HsdsRoot> Root(HttpContext http, IOptions<ProviderDirectoryOptions> options) =>
        TypedResults.Json(
            new HsdsRoot(Version, options.Value.HsdsProfile, $"{http.Request.Scheme}://{http.Request.Host}/openapi/v1.json"),
            HsdsJson.Options);

    public static async Task<Results<JsonHttpResult<HsdsPage<HsdsService>>, ValidationProblem>> ServicesAsync(
        string? search,
        string? taxonomy_term_id,
        string? taxonomy_id,
        string? organization_id,
        string? modified_after,
        string? page,
        string? per_page,
        IDirectoryStore store,
        DirectoryTaxonomies taxonomies,
        HsdsMapper mapper,
        CancellationToken cancellationToken)
    {
        var (query, paging, errors) = await ParseAsync(
            search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, null, page, per_page, store, taxonomies, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = query is null ? Empty<ServiceDocument>(paging) : await store.SearchServicesAsync(query, paging.Page, paging.PerPage, cancellationToken);
        var organisations = await OrganisationsOfAsync(store, found.Items, cancellationToken);
        return TypedResults.Json(
            PageOf(found, s => mapper.Service(s, organisations.GetValueOrDefault(s.ProviderId), full: false)), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsService>, ProblemHttpResult>> ServiceAsync(
        string id, IDirectoryStore store, HsdsMapper mapper, CancellationToken cancellationToken)
    {
        var service = Guid.TryParse(id, out _)
            ? await store.ServiceByHsdsIdAsync(id.ToLowerInvariant(), cancellationToken)
            : await store.Services.FindAsync(id, cancellationToken);
        if (service is null)
        {
            return Errors.NotFound($"No service {id}.");
        }

        var organisation = await store.Organisations.FindAsync(service.ProviderId, cancellationToken);
        return TypedResults.Json(mapper.Service(service, organisation, full: true), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsPage<HsdsOrganization>>, ValidationProblem>> OrganisationsAsync(
        string? search, string? page, string? per_page, IDirectoryStore store, HsdsMapper mapper, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging(page, per_page);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await store.SearchOrganisationsAsync(search, paging.Page, paging.PerPage, cancellationToken);
        return TypedResults.Json(PageOf(found, o => mapper.Organisation(o, [], full: false)), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsOrganization>, ProblemHttpResult>> OrganisationAsync(
        string id, IDirectoryStore store, HsdsMapper mapper, CancellationToken cancellationToken)
    {
        var organisation = Guid.TryParse(id, out _)
            ? await store.OrganisationByHsdsIdAsync(id.ToLowerInvariant(), cancellationToken)
            : await store.Organisations.FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return Errors.NotFound($"No organisation {id}.");
        }

        var services = (await store.ServicesOfProviderAsync(organisation.Id, cancellationToken))
            .Where(s => organisation.ServiceIds.Contains(s.Id)).ToList();
        return TypedResults.Json(mapper.Organisation(organisation, services, full: true), HsdsJson.Options);
    }

    public static async Task<Results<JsonHttpResult<HsdsPage<HsdsServiceAtLocation>>, ValidationProblem>> ServiceAtLocationsAsync(
        string? search,
        string? taxonomy_term_id,
        string? taxonomy_id,
        string? organization_id,
        string? modified_after,
        string? municipality,
        string? page,
        string? per_page,
        IDirectoryStore store,
        DirectoryTaxonomies taxonomies,
        HsdsMapper mapper,
        CancellationToken cancellationToken)
    {
        var (query, paging, errors) = await ParseAsync(
            search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, municipality, page, per_page, store, taxonomies, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = query is null ? Empty<ServiceDocument>(paging) : await store.SearchServicesAsync(query, paging.Page, paging.PerPage, cancellationToken);
        var organisations = await OrganisationsOfAsync(store, found.Items, cancellationToken);
        return TypedResults.Json(
            PageOf(found, s => mapper.ServiceAtLocation(s, organisations.GetValueOrDefault(s.ProviderId))), HsdsJson.Options);
    }

    public static Results<JsonHttpResult<HsdsPage<HsdsTaxonomy>>, ValidationProblem> Taxonomies(
        string? search, string? page, string? per_page, DirectoryTaxonomies taxonomies)
    {
        var (paging, errors) = Paging(page, per_page);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var all = taxonomies.Taxonomies
            .Where(t => Matches(search, t.Id, t.NameEn))
            .Select(HsdsMapper.Taxonomy)
            .ToList();
        return TypedResults.Json(PageOf(all, paging), HsdsJson.Options);
    }

    public static Results<JsonHttpResult<HsdsTaxonomy>, ProblemHttpResult> Taxonomy(string id, DirectoryTaxonomies taxonomies)
    {
        var found = taxonomies.Taxonomies.FirstOrDefault(t =>
            string.Equals(DirectoryTaxonomies.TaxonomyIdOf(t.Id), id, StringComparison.OrdinalIgnoreCase) || t.Id == id);
        return found is null ? Errors.NotFound($"No taxonomy {id}.") : TypedResults.Json(HsdsMapper.Taxonomy(found), HsdsJson.Options);
    }

    public static Results<JsonHttpResult<HsdsPage<HsdsTaxonomyTerm>>, ValidationProblem> TaxonomyTerms(
        string? search, string? taxonomy_id, string? page, string? per_page, DirectoryTaxonomies taxonomies, HsdsMapper mapper)
    {
        var (paging, errors) = Paging(page, per_page);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var all = taxonomies.Terms
            .Where(t => taxonomy_id is null || string.Equals(t.TaxonomyId, taxonomy_id, StringComparison.OrdinalIgnoreCase) || t.Taxonomy == taxonomy_id)
            .Where(t => Matches(search, t.Code, t.NameLv, t.NameEn))
            .Select(mapper.Term)
            .ToList();
        return TypedResults.Json(PageOf(all, paging), HsdsJson.Options);
    }

    public static Results<JsonHttpResult<HsdsTaxonomyTerm>, ProblemHttpResult> TaxonomyTerm(string id, DirectoryTaxonomies taxonomies, HsdsMapper mapper) =>
        taxonomies.ById(id) is { } term ? TypedResults.Json(mapper.Term(term), HsdsJson.Options) : Errors.NotFound($"No taxonomy term {id}.");

    public static HsdsPage<TOut> PageOf<TIn, TOut>(DirectoryPage<TIn> page, Func<TIn, TOut> map)
    {
        var totalPages = (int)((page.Total + page.PerPage - 1) / page.PerPage);
        return new HsdsPage<TOut>(
            page.Total, totalPages, page.Page, page.Items.Count, page.Page == 1, page.Page >= totalPages, page.Total == 0,
            [.. page.Items.Select(map)]);
    }

    private static HsdsPage<T> PageOf<T>(List<T> all, (int Page, int PerPage) paging) =>
        PageOf(new DirectoryPage<T>([.. all.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage)], all.Count, paging.Page, paging.PerPage), t => t);

    private static DirectoryPage<T> Empty<T>((int Page, int PerPage) paging) => new([], 0, paging.Page, paging.PerPage);

    /// <summary>The filters as a store query; a null query means a filter that nothing can match (an unknown term or organisation).</summary>
    private static async Task<(ServiceQuery? Query, (int Page, int PerPage) Paging, Dictionary<string, string[]>? Errors)> ParseAsync(
        string? search,
        string? termId,
        string? taxonomyId,
        string? organisationId,
        string? modifiedAfter,
        string? municipality,
        string? page,
        string? perPage,
        IDirectoryStore store,
        DirectoryTaxonomies taxonomies,
        CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging(page, perPage);
        if (errors is not null)
        {
            return (null, paging, errors);
        }

        DateTimeOffset? after = null;
        if (!string.IsNullOrEmpty(modifiedAfter))
        {
            if (!DateTimeOffset.TryParse(modifiedAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, paging, JsonBody.Error("modified_after", "Must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z."));
            }

            after = parsed;
        }

        if (!string.IsNullOrEmpty(municipality) && Municipalities.Find(municipality) is null)
        {
            return (null, paging, JsonBody.Error("municipality", "Must be a known municipality code (ISO 3166-2:LV), e.g. LV-DGV."));
        }

        var query = new ServiceQuery(Search: search, ModifiedAfter: after, Municipality: string.IsNullOrEmpty(municipality) ? null : Municipalities.Find(municipality)!.Code);
        if (!string.IsNullOrEmpty(taxonomyId)
            && !taxonomies.Taxonomies.Any(t => string.Equals(DirectoryTaxonomies.TaxonomyIdOf(t.Id), taxonomyId, StringComparison.OrdinalIgnoreCase) || t.Id == taxonomyId))
        {
            return (null, paging, null);
        }

        if (!string.IsNullOrEmpty(termId))
        {
            var term = taxonomies.ById(termId);
            switch (term?.Taxonomy)
            {
                case DirectoryTaxonomies.ServiceType:
                    query = query with { ServiceType = term.Code };
                    break;
                case DirectoryTaxonomies.ClientGroup:
                    query = query with { ClientGroup = term.Code };
                    break;
                case DirectoryTaxonomies.ProviderType or DirectoryTaxonomies.LegalStatus:
                    query = query with { ProviderIds = await store.OrganisationIdsWithTermAsync(term.Code, cancellationToken) };
                    break;
                default:
                    return (null, paging, null);
            }
        }

        if (!string.IsNullOrEmpty(organisationId))
        {
            var organisation = Guid.TryParse(organisationId, out _)
                ? await store.OrganisationByHsdsIdAsync(organisationId.ToLowerInvariant(), cancellationToken)
                : await store.Organisations.FindAsync(organisationId, cancellationToken);
            if (organisation is null)
            {
                return (null, paging, null);
            }

            var ids = query.ProviderIds is null ? [organisation.Id] : query.ProviderIds.Where(i => i == organisation.Id).ToList();
            query = query with { ProviderIds = ids };
        }

        return (query, paging, null);
    }

    private static ((int Page, int PerPage) Paging, Dictionary<string, string[]>? Errors) Paging(string? page, string? perPage)
    {
        var number = 1;
        var size = DefaultPerPage;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return ((1, DefaultPerPage), JsonBody.Error("page", "Must be a whole number from 1."));
        }

        if (!string.IsNullOrEmpty(perPage)
            && (!int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPerPage))
        {
            return ((1, DefaultPerPage), JsonBody.Error("per_page", $"Must be a whole number from 1 to {MaxPerPage}."));
        }

        return ((number, size), null);
    }

    private static bool Matches(string? search, params string[] values) =>
        string.IsNullOrWhiteSpace(search) || values.Any(v => SearchText.Fold(v).Contains(SearchText.Fold(search), StringComparison.Ordinal));

    private static async Task<Dictionary<string, OrganisationDocument>> OrganisationsOfAsync(
        IDirectoryStore store, IEnumerable<ServiceDocument> services, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, OrganisationDocument>(StringComparer.Ordinal);
        foreach (var id in services.Select(s => s.ProviderId).Distinct(StringComparer.Ordinal))
        {
            if (await store.Organisations.FindAsync(id, cancellationToken) is { } organisation)
            {
                found[id] = organisation;
            }
        }

        return found;
    }
}
