using Referrals.Portal;
using Referrals.ServiceDefaults;

// The portal on its own (distributed mode): it calls the platform through Portal:ApiBaseUrl (the gateway). Configured
// by environment (Portal__ApiBaseUrl, Identity__*); appsettings.Development.json is the local run against the embedded host.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortal();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPortal();

app.Run();

/// <summary>Visible to the tests.</summary>
public partial class Program;
