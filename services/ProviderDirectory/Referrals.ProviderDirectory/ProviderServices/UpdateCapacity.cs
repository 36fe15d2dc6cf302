using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Security;
using Referrals.ProviderDirectory.Store;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.ProviderServices;

public sealed record CapacityInput(int? Available, int? Maximum);

/// <summary>
/// The round-1 fields (<c>serviceId</c>, <c>available</c>, <c>maximum</c>, <c>updated</c>) that are at the same time an HSDS 3.1
/// <c>service_capacity</c> (<c>id</c>, <c>service_id</c>, <c>unit</c>, <c>unit_id</c>; <c>updated</c> to the millisecond).
/// </summary>
public sealed record CapacityView(
    string ServiceId,
    int Available,
    int Maximum,
    string Updated,
    string Id,
    [property: JsonPropertyName("service_id")] string HsdsServiceId,
    HsdsUnit Unit,
    [property: JsonPropertyName("unit_id")] string UnitId)
{
    public static CapacityView Of(ServiceDocument service)
    {
        var capacity = HsdsMapper.Capacity(service);
        return new(service.Id, service.Available, service.Maximum, capacity.Updated, capacity.Id, capacity.ServiceId, capacity.Unit, capacity.UnitId);
    }
}

/// <summary>
/// PUT /api/providers/services/{serviceId}/capacity: the provider states its free places (a <c>CapacityChanged</c> event);
/// more places promote the waiting list. GET answers the same shape. Provider staff state and read only their own
/// provider's services (another provider's is not found); administrators manage any; social workers and coordinators read.
/// </summary>
public static class UpdateCapacity
{
    public static RouteGroupBuilder MapCapacity(this RouteGroupBuilder group)
    {
        group.MapPut("/services/{serviceId}/capacity", HandleAsync)
            .RequireAuthorization(Tenancy.AnyOf(Roles.ProviderStaff, Roles.Administrator));
        group.MapGet("/services/{serviceId}/capacity", GetAsync)
            .RequireAuthorization(Tenancy.AnyOf(Roles.ProviderStaff, Roles.Administrator, Roles.Coordinator, Roles.SocialWorker));
        return group;
    }

    public static async Task<Results<Ok<CapacityView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string serviceId,
        HttpContext http,
        IDirectoryStore store,
        ServicePublishing publishing,
        IPublishEndpoint publisher,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (input, errors) = await JsonBody.ReadAsync<CapacityInput>(http.Request, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (input!.Available is null or < 0 or > 10_000)
        {
            return TypedResults.ValidationProblem(JsonBody.Error("available", "Required, between 0 and 10000."));
        }

        if (input.Maximum is < 0 or > 10_000)
        {
            return TypedResults.ValidationProblem(JsonBody.Error("maximum", "Must be between 0 and 10000."));
        }

        var actor = http.User.Actor();
        var now = time.GetUtcNow();
        var tooMany = false;
        var foreign = false;
        var saved = await store.Services.UpdateAsync(serviceId, s =>
        {
            foreign = !MayManage(actor, s);
            if (foreign)
            {
                return false;
            }

            var maximum = input.Maximum ?? s.Maximum;
            tooMany = input.Available > maximum;
            if (tooMany || (s.Available == input.Available && s.Maximum == maximum))
            {
                return false;
            }

            s.Available = input.Available.Value;
            s.Maximum = maximum;
            s.UpdatedAt = now;
            s.RaiseCapacityChanged(actor.Id, now);
            return true;
        }, cancellationToken: cancellationToken);
        if (saved is null || foreign)
        {
            return Errors.NotFound($"No service {serviceId}.");
        }

        if (tooMany)
        {
            return TypedResults.ValidationProblem(JsonBody.Error("available", "Must not exceed maximum."));
        }

        await publishing.PublishAsync(saved, publisher, cancellationToken);
        return TypedResults.Ok(CapacityView.Of(saved));
    }

    public static async Task<Results<Ok<CapacityView>, ProblemHttpResult>> GetAsync(
        string serviceId, HttpContext http, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var actor = http.User.Actor();
        return await store.Services.FindAsync(serviceId, cancellationToken) is { } service && (!actor.IsProviderStaff || MayManage(actor, service))
            ? TypedResults.Ok(CapacityView.Of(service))
            : Errors.NotFound($"No service {serviceId}.");
    }

    private static bool MayManage(Actor actor, ServiceDocument service) =>
        actor.IsAdministrator || actor.IsOwnProvider(service.ProviderId);
}
