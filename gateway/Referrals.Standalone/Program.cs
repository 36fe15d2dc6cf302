using Referrals.Eligibility;
using Referrals.Intake;
using Referrals.Messaging;
using Referrals.Notification;
using Referrals.ProviderDirectory;
using Referrals.ServiceDefaults;
using Referrals.Standalone;

// The embedded default: the four services in one process, in-memory bus, SQLite files. Same code as the distributed run.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIntake();
builder.AddEligibility();
builder.AddProviderDirectory();
builder.AddNotification();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIntake();
app.MapEligibility();
app.MapProviderDirectory();
app.MapNotification();
app.MapWelcome();

app.Run();

/// <summary>Visible to the tests.</summary>
public partial class Program;
