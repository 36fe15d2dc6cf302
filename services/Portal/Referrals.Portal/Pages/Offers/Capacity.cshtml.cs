using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// Free places of the provider's services. The directory's capacity API takes the directory's own service ids, which
/// the provider's offers carry; another id can be typed in.
/// </summary>
public sealed class CapacityModel(PortalApi api, PortalText text) : PageModel
{
    public IReadOnlyList<(CapacityView Capacity, string ServiceType)> Services { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? serviceId, string? available, CancellationToken cancellationToken)
    {
        var field = "available-" + (serviceId ?? "");
        Errors.Anchor("available", FormErrors.Id(field));
        if (string.IsNullOrWhiteSpace(serviceId) || !int.TryParse(available, out var places) || places < 0)
        {
            Errors.Add("available", text["error.available"]);
            await LoadAsync(serviceId, cancellationToken);
            return Page();
        }

        var result = await api.PutAsync<CapacityView>($"/api/providers/services/{Uri.EscapeDataString(serviceId)}/capacity", new { available = places }, cancellationToken);
        if (result.Ok)
        {
            return Redirect("/offers/capacity?done=1");
        }

        Errors.AddFromApi(result.Errors, text);
        if (!Errors.Any)
        {
            Errors.Add("available", text[result.NotFound ? "error.unknownService" : "error.unavailable"]);
        }

        await LoadAsync(serviceId, cancellationToken);
        return Page();
    }

    public string? FailedService { get; private set; }

    private async Task LoadAsync(string? failed, CancellationToken cancellationToken)
    {
        FailedService = failed;
        var offers = (await api.GetAsync<List<OfferView>>("/api/providers/offers", cancellationToken)).Value ?? [];
        var services = new List<(CapacityView, string)>();
        foreach (var service in offers.GroupBy(o => o.ServiceId))
        {
            var capacity = await api.GetAsync<CapacityView>($"/api/providers/services/{Uri.EscapeDataString(service.Key)}/capacity", cancellationToken);
            if (capacity.Ok)
            {
                services.Add((capacity.Value!, service.First().ServiceType));
            }
        }

        Services = services;
    }
}
