using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Notification.Store;
using Referrals.Notification.Templates;

namespace Referrals.Notification.Api;

/// <summary>
/// GET /api/notifications/status/{token} : the public page behind the SMS link. Only the status and the provider's
/// public contact; nothing about the client. Unknown tokens and referrals in a final state are 404 alike.
/// </summary>
public static class PublicStatus
{
    public static async Task<Results<Ok<PublicStatusResponse>, NotFound>> HandleAsync(
        string token, INotificationStore store, CancellationToken cancellationToken)
    {
        // A token is exactly 22 URL-safe characters; anything else is not looked up at all.
        if (token.Length != 22 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return TypedResults.NotFound();
        }

        var contact = await store.FindContactByStatusTokenAsync(token, cancellationToken);
        if (contact?.Status is not { } status || StatusLinks.IsFinal(status) || contact.OptedOut)
        {
            return TypedResults.NotFound();
        }

        var (lv, en, ru) = StatusLinks.Describe(status);
        var provider = contact.ProviderName is null ? null : new PublicProviderResponse(contact.ProviderName, contact.ProviderPhone);
        return TypedResults.Ok(new PublicStatusResponse(status.ToString(), lv, en, ru, provider));
    }
}

public sealed record PublicStatusResponse(string Status, string StatusLv, string StatusEn, string StatusRu, PublicProviderResponse? Provider);

public sealed record PublicProviderResponse(string Name, string? Phone);
