using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Eligibility;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEligibility();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapEligibility();

app.Run();
public partial class Program;
