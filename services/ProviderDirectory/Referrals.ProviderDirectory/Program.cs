using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.ProviderDirectory;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProviderDirectory();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapProviderDirectory();

app.Run();

public partial class Program;
