using Referrals.Gateway;
using Referrals.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.MapGateway();

app.Run();

/// <summary>Visible to the end-to-end tests.</summary>
public partial class Program;
