using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Store;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Organisations;

/// <summary>
/// The administrators' view: POST /api/providers/organizations (create or replace by id, also under /admin) and the
/// round-1 shape at GET /api/providers/admin/organizations[/{id}] with free places, offers and placements.
/// The public GET /api/providers/organizations is HSDS (<see cref="Hsds.HsdsEndpoints"/>). Administrators only.
/// </summary>
public static class OrganisationEndpoints
{
    public const string AdminPath = "/admin/organizations";

    public static RouteGroupBuilder MapOrganisations(this RouteGroupBuilder group)
    {
        group.MapPost("/organizations", SaveAsync).RequireAuthorization(Roles.Administrator);
        group.MapPost(AdminPath, SaveAsync).RequireAuthorization(Roles.Administrator);
        group.MapGet(AdminPath, ListAsync).RequireAuthorization(Roles.Administrator);
        group.MapGet(AdminPath + "/{id}", GetAsync).RequireAuthorization(Roles.Administrator);
        return group;
    }

    public static async Task<Results<Created<OrganisationView>, Ok<OrganisationView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpContext http, OrganisationWriter writer, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var (input, errors) = await JsonBody.ReadAsync<OrganisationInput>(http.Request, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var invalid = OrganisationValidator.Validate(input!);
        if (invalid.Count > 0)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var (outcome, view) = await writer.SaveAsync(input!, http.User.Actor().Id, publisher, cancellationToken);
        return outcome switch
        {
            SaveOutcome.Created => TypedResults.Created($"/api/providers{AdminPath}/{view!.Id}", view),
            SaveOutcome.Replaced => TypedResults.Ok(view!),
            _ => Errors.Conflict("A service id in this organisation belongs to another organisation."),
        };
    }

    public static async Task<Ok<List<OrganisationView>>> ListAsync(IDirectoryStore store, CancellationToken cancellationToken)
    {
        var organisations = await store.ListOrganisationsAsync(cancellationToken);
        var views = new List<OrganisationView>(organisations.Count);
        foreach (var organisation in organisations)
        {
            views.Add(OrganisationView.Of(organisation, await store.ServicesOfProviderAsync(organisation.Id, cancellationToken)));
        }

        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> GetAsync(
        string id, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var organisation = await store.Organisations.FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return Errors.NotFound($"No organisation {id}.");
        }

        return TypedResults.Ok(OrganisationView.Of(organisation, await store.ServicesOfProviderAsync(id, cancellationToken)));
    }
}
