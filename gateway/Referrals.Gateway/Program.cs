using Referrals.Gateway;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEdgeProtection();
builder.AddGateway();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDevelopmentSignIn();
app.MapGateway();

app.Run();

/// <summary>Visible to the end-to-end tests.</summary>
public partial class Program;
