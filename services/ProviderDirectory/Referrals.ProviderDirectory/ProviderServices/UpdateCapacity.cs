using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.ProviderServices;

public sealed record CapacityInput(int? Available, int? Maximum);

public sealed record CapacityView(string ServiceId, int Available, int Maximum, DateTimeOffset Updated);

/// <summary>PUT /api/providers/services/{serviceId}/capacity: the provider states its free places; more places promote the waiting list.</summary>
public static class UpdateCapacity
{
    public static RouteGroupBuilder MapCapacity(this RouteGroupBuilder group)
    {
        group.MapPut("/services/{serviceId}/capacity", HandleAsync);
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

        var actor = Actor.Of(http);
        var now = time.GetUtcNow();
        var tooMany = false;
        var saved = await store.Services.UpdateAsync(serviceId, s =>
        {
            var maximum = input.Maximum ?? s.Maximum;
            tooMany = input.Available > maximum;
            if (tooMany || (s.Available == input.Available && s.Maximum == maximum))
            {
                return false;
            }

            s.Available = input.Available.Value;
            s.Maximum = maximum;
            s.UpdatedAt = now;
            s.RaiseCapacityChanged(actor, now);
            return true;
        }, cancellationToken: cancellationToken);
        if (saved is null)
        {
            return Errors.NotFound($"No service {serviceId}.");
        }

        if (tooMany)
        {
            return TypedResults.ValidationProblem(JsonBody.Error("available", "Must not exceed maximum."));
        }

        await publishing.PublishAsync(saved, publisher, cancellationToken);
        return TypedResults.Ok(new CapacityView(saved.Id, saved.Available, saved.Maximum, saved.UpdatedAt));
    }
}
