using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// Free places of each of the provider's own services, as the directory lists them (also a service that never had an
/// offer). The portal checks the number against the service's maximum before it asks the directory, which checks again.
/// </summary>
public sealed class CapacityModel(PortalApi api, PortalText text) : PageModel
{
    public IReadOnlyList<OwnServiceView> Services { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    /// <summary>The service whose form failed, and what was typed into it (shown again, not the stored number).</summary>
    public string? FailedService { get; private set; }

    public string? Entered { get; private set; }

    /// <summary>The service just saved.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public bool Unavailable { get; private set; }

    public static string FieldId(string serviceId) => FormErrors.Id("available-" + serviceId);

    public string Label(OwnServiceView service) => service.ServiceName ?? text.ServiceType(service.ServiceType);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? serviceId, string? available, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FailedService = serviceId;
        Entered = available;
        Errors.Anchor("available", FieldId(serviceId ?? ""));
        var service = Services.FirstOrDefault(s => s.ServiceId == serviceId);
        if (service is null)
        {
            Errors.Add("available", text["error.unknownService"]);
            return Page();
        }

        var label = Label(service);
        var value = available?.Trim() ?? "";
        if (value.Length == 0)
        {
            Errors.Add("available", text.Format("capacityPage.error.required", label));
        }
        else if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var places))
        {
            Errors.Add("available", text.Format("capacityPage.error.number", label));
        }
        else if (places < 0)
        {
            Errors.Add("available", text.Format("capacityPage.error.negative", label));
        }
        else if (places > service.Maximum)
        {
            Errors.Add("available", text.Format("capacityPage.error.maximum", label, service.Maximum));
        }
        else
        {
            var result = await api.PutAsync<CapacityView>(
                $"/api/providers/services/{Uri.EscapeDataString(service.ServiceId)}/capacity", new { available = places }, cancellationToken);
            if (result.Ok)
            {
                return Redirect("/offers/capacity?done=" + Uri.EscapeDataString(service.ServiceId));
            }

            Errors.AddFromApi(result.Errors, text);
            if (!Errors.Any)
            {
                Errors.Add("available", text[result.NotFound ? "error.unknownService" : "error.unavailable"]);
            }
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var services = await api.GetAsync<List<OwnServiceView>>("/api/providers/own-services", cancellationToken);
        Unavailable = !services.Ok;
        Services = services.Value ?? [];
    }
}
