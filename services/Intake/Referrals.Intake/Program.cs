using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Intake;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIntake();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIntake();

app.Run();
public partial class Program;
