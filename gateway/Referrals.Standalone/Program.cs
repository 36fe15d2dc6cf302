using Referrals.Eligibility;
using Referrals.Intake;
using Referrals.Messaging;
using Referrals.Notification;
using Referrals.Portal;
using Referrals.ProviderDirectory;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;

// The embedded default: the four services and the portal in one process, in-memory bus, SQLite files. Same code as the
// distributed run.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEdgeProtection();
builder.AddIntake();
builder.AddEligibility();
builder.AddProviderDirectory();
builder.AddNotification();
builder.AddPortal();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDevelopmentSignIn();
app.MapIntake();
app.MapEligibility();
app.MapProviderDirectory();
app.MapNotification();
app.MapPortal();

app.Run();

/// <summary>Visible to the tests.</summary>
public partial class Program;
