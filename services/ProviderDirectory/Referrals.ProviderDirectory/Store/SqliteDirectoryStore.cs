using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Store;

/// <summary>
/// The embedded default: one SQLite file, one table per document kind. Every filter of a search or a match is an
/// indexed column, so queries read only the rows they return, never the whole directory.
/// </summary>
public sealed class SqliteDirectoryStore : IDirectoryStore
{
    private readonly SqliteDocumentCollection<OrganisationDocument> _organisations;
    private readonly SqliteDocumentCollection<ServiceDocument> _services;
    private readonly SqliteDocumentCollection<PlacementRequestDocument> _requests;
    private readonly SqliteDocumentCollection<OfferDocument> _offers;
    private readonly SqliteDatabase _database;

    public SqliteDirectoryStore(string connectionString)
    {
        var database = _database = new SqliteDatabase(connectionString);
        SqliteColumn<OrganisationDocument>[] organisationColumns =
        [
            new("hsds_id", o => HsdsIds.Organisation(o.Id)),
            new("kind", o => o.Kind),
            new("provider_type", o => o.ProviderType),
            new("legal_status", o => o.LegalStatus),
            new("sort_name", o => SearchText.Fold(o.Name)),
        ];
        SqliteColumn<ServiceDocument>[] serviceColumns =
        [
            new("service_type", s => s.ServiceType),
            new("provider_id", s => s.ProviderId),
            new("hsds_id", s => HsdsIds.Service(s.Id)),
            new("active", s => s.Active),
            new("municipality", s => s.Municipality),
            new("planning_region", s => s.PlanningRegion),
            new("client_groups", s => SearchText.Delimited(s.ClientGroups)),
            new("min_age", s => s.MinAge),
            new("max_age", s => s.MaxAge),
            new("gender", s => s.Gender),
            new("updated_at", s => s.UpdatedAt),
            new("sort_name", s => SearchText.Fold(s.Name ?? s.ProviderName)),
            new("search", s => SearchText.Fold(s.Name, s.ProviderName, ServiceTypes.Find(s.ServiceType)?.NameLv,
                Municipalities.Find(s.Municipality)?.NameLv)),
        ];
        var addedToOrganisations = SqliteSchema.AddMissingColumns(database, "organisations", organisationColumns.Select(c => c.Name));
        var addedToServices = SqliteSchema.AddMissingColumns(database, "services", serviceColumns.Select(c => c.Name));
        SqliteColumn<OfferDocument>[] offerColumns =
        [
            new("provider_id", o => o.ProviderId),
            new("referral_id", o => o.ReferralId.ToString("D")),
            new("status", o => o.Status),
            new("offered_at", o => o.OfferedAt),
            new("municipality", o => o.Municipality),
        ];
        var addedToOffers = SqliteSchema.AddMissingColumns(database, "offers", offerColumns.Select(c => c.Name));
        _organisations = new(database, "organisations", organisationColumns);
        _services = new(database, "services", serviceColumns);
        _requests = new(database, "placement_requests",
            new SqliteColumn<PlacementRequestDocument>("status", r => r.Status),
            new SqliteColumn<PlacementRequestDocument>("service_type", r => r.ServiceType),
            new SqliteColumn<PlacementRequestDocument>("waitlisted_at", r => r.WaitlistedAt));
        _offers = new(database, "offers", offerColumns);
        // The JSON body sits between a row's key and its indexed columns, so a text search over the table would read every
        // body; this covering index holds everything a search page filters and sorts on, in page order.
        SqliteSchema.Execute(database,
            "CREATE INDEX IF NOT EXISTS ix_services_page ON services(sort_name, id, search, client_groups, service_type, municipality, provider_id, updated_at)");
        if (addedToOrganisations)
        {
            SqliteSchema.RewriteAll(_organisations);
        }

        if (addedToServices)
        {
            SqliteSchema.RewriteAll(_services);
        }

        if (addedToOffers)
        {
            OfferTenants.Backfill(
                _offers.QueryAsync("municipality IS NULL OR municipality = ''").GetAwaiter().GetResult(), _offers, _requests);
        }
    }

    public IDocumentCollection<OrganisationDocument> Organisations => _organisations;

    public IDocumentCollection<ServiceDocument> Services => _services;

    public IDocumentCollection<PlacementRequestDocument> Requests => _requests;

    public IDocumentCollection<OfferDocument> Offers => _offers;

    public async Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken) =>
        await _organisations.CountAsync(null, cancellationToken: cancellationToken) > 0;

    public Task<IReadOnlyList<OrganisationDocument>> ListOrganisationsAsync(CancellationToken cancellationToken) =>
        _organisations.QueryAsync(null, orderBy: "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<ServiceDocument>> ServicesOfTypeAsync(string serviceType, CancellationToken cancellationToken) =>
        _services.QueryAsync("service_type = $type", [("$type", serviceType)], "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<ServiceDocument>> ServicesOfProviderAsync(string providerId, CancellationToken cancellationToken) =>
        _services.QueryAsync("provider_id = $provider", [("$provider", providerId)], "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<PlacementRequestDocument>> WaitlistedAsync(string serviceType, CancellationToken cancellationToken) =>
        _requests.QueryAsync(
            "status = $status AND service_type = $type",
            [("$status", nameof(PlacementStatus.Waitlisted)), ("$type", serviceType)],
            "waitlisted_at, id",
            cancellationToken: cancellationToken);

    public Task<IReadOnlyList<ServiceDocument>> MatchableServicesAsync(MatchQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string> { "service_type = $type", "active = 1", "(municipality = $municipality OR planning_region = $region)" };
        var parameters = new List<(string, object?)>
        {
            ("$type", query.ServiceType), ("$municipality", query.DeclaredMunicipality ?? ""), ("$region", query.PlanningRegion ?? ""),
        };
        if (query.Age is { } age)
        {
            where.Add("(min_age IS NULL OR min_age <= $age) AND (max_age IS NULL OR max_age >= $age)");
            parameters.Add(("$age", age));
        }

        if (query.Gender is { } gender)
        {
            where.Add("(gender IS NULL OR gender = '' OR gender = $gender COLLATE NOCASE)");
            parameters.Add(("$gender", gender));
        }

        if (query.ClientGroup is { } group)
        {
            where.Add("(client_groups = '||' OR instr(client_groups, $group) > 0)");
            parameters.Add(("$group", SearchText.Delimited([group])));
        }

        return _services.QueryAsync(string.Join(" AND ", where), parameters, "id", cancellationToken: cancellationToken);
    }

    public async Task<DirectoryPage<ServiceDocument>> SearchServicesAsync(
        ServiceQuery query, int page, int perPage, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Add("instr(search, $search) > 0");
            parameters.Add(("$search", SearchText.Fold(query.Search)));
        }

        if (query.ServiceType is not null)
        {
            where.Add("service_type = $type");
            parameters.Add(("$type", query.ServiceType));
        }

        if (query.ClientGroup is not null)
        {
            where.Add("instr(client_groups, $group) > 0");
            parameters.Add(("$group", SearchText.Delimited([query.ClientGroup])));
        }

        if (query.ProviderIds is not null)
        {
            var names = query.ProviderIds.Select((_, i) => $"$p{i}").ToList();
            where.Add(names.Count == 0 ? "0" : $"provider_id IN ({string.Join(", ", names)})");
            parameters.AddRange(query.ProviderIds.Select((id, i) => ($"$p{i}", (object?)id)));
        }

        if (query.ModifiedAfter is { } after)
        {
            where.Add("updated_at >= $after");
            parameters.Add(("$after", after.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (query.Municipality is not null)
        {
            where.Add("municipality = $municipality");
            parameters.Add(("$municipality", query.Municipality));
        }

        return await PageAsync(_services, where.Count == 0 ? null : string.Join(" AND ", where), parameters, page, perPage, cancellationToken);
    }

    public Task<DirectoryPage<OrganisationDocument>> SearchOrganisationsAsync(
        string? search, int page, int perPage, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(search)
            ? PageAsync(_organisations, null, [], page, perPage, cancellationToken)
            : PageAsync(_organisations, "instr(sort_name, $search) > 0", [("$search", SearchText.Fold(search))], page, perPage, cancellationToken);

    public async Task<IReadOnlyList<string>> OrganisationIdsWithTermAsync(string code, CancellationToken cancellationToken) =>
        (await _organisations.QueryAsync("provider_type = $code OR legal_status = $code", [("$code", code)], "id",
            cancellationToken: cancellationToken)).Select(o => o.Id).ToList();

    public async Task<OrganisationDocument?> OrganisationByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken) =>
        FirstOf(await _organisations.QueryAsync("hsds_id = $id", [("$id", hsdsId)], limit: 1, cancellationToken: cancellationToken));

    public async Task<ServiceDocument?> ServiceByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken) =>
        FirstOf(await _services.QueryAsync("hsds_id = $id", [("$id", hsdsId)], limit: 1, cancellationToken: cancellationToken));

    private static T? FirstOf<T>(IReadOnlyList<T> found)
        where T : class => found.Count > 0 ? found[0] : null;

    public Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, IReadOnlyCollection<string>? municipalities, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (municipalities is not null)
        {
            var names = municipalities.Select((_, i) => $"$m{i}").ToList();
            where.Add(names.Count == 0 ? "0" : $"municipality IN ({string.Join(", ", names)})");
            parameters.AddRange(municipalities.Select((code, i) => ($"$m{i}", (object?)code)));
        }

        if (providerId is not null)
        {
            where.Add("provider_id = $provider");
            parameters.Add(("$provider", providerId));
        }

        if (referralId is { } referral)
        {
            where.Add("referral_id = $referral");
            parameters.Add(("$referral", referral.ToString("D")));
        }

        if (status is { } wanted)
        {
            where.Add("status = $status");
            parameters.Add(("$status", wanted.ToString()));
        }

        return _offers.QueryAsync(
            where.Count == 0 ? null : string.Join(" AND ", where), parameters, "offered_at, id", cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One pass over the index for the matching ids (count and order together), then only the page's bodies are read
    /// and parsed.
    /// </summary>
    private async Task<DirectoryPage<T>> PageAsync<T>(
        SqliteDocumentCollection<T> collection,
        string? where,
        List<(string, object?)> parameters,
        int page,
        int perPage,
        CancellationToken cancellationToken)
        where T : Messaging.Outbox.OutboxDocument
    {
        var ids = new List<string>();
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id FROM {collection.Table}" + (where is null ? "" : $" WHERE {where}") + " ORDER BY sort_name, id";
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var pageIds = ids.Skip((page - 1) * perPage).Take(perPage).ToList();
        if (pageIds.Count == 0)
        {
            return new DirectoryPage<T>([], ids.Count, page, perPage);
        }

        var names = pageIds.Select((_, i) => $"$id{i}").ToList();
        var items = await collection.QueryAsync(
            $"id IN ({string.Join(", ", names)})", pageIds.Select((id, i) => ($"$id{i}", (object?)id)), "sort_name, id",
            cancellationToken: cancellationToken);
        return new DirectoryPage<T>(items, ids.Count, page, perPage);
    }
}
