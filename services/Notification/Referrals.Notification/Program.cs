using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Notification;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotification();
builder.AddMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNotification();

app.Run();
public partial class Program;
