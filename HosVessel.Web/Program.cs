using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HosVessel.Web.Accounts;
using HosVessel.Web.ApiKeys;
using HosVessel.Web.Backups;
using HosVessel.Web.Cli;
using HosVessel.Web.Codes;
using HosVessel.Web.Data;
using HosVessel.Web.Fleet;
using HosVessel.Web.Http;
using HosVessel.Web.Legacy;
using HosVessel.Web.Pages;
using HosVessel.Web.Proxy;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(args, () => Build(args));
}

WebApplication app;
try
{
    app = Build(args);
}
catch (DataFolderException exception)
{
    // A misconfigured volume is the most common deployment mistake: say what and how, not a stack trace.
    await Console.Error.WriteLineAsync($"HosVessel cannot start: {exception.Message}");
    return 1;
}

// First: everything after it (https redirects, cookies, client IP) must see the forwarded values.
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseCookiePolicy();
var korean = new CultureInfo("ko-KR");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(korean),
    SupportedCultures = [korean],
    SupportedUICultures = [korean],
});
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        // A body Kestrel or the form reader cannot read (too large, a value over the limit, bad multipart) is the
        // client's fault: 400 or 413 with the Korean error page, not a 500.
        StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException badRequest => badRequest.StatusCode,
            // The form reader says "... limit ... exceeded" for a value, a field count or a multipart body too large.
            InvalidDataException tooLarge when tooLarge.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        },
    });
}
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapVesselsApi();
app.MapVoyagesApi();
app.MapApiReference();
app.WarnIfApiKeyMissing();

app.Run();
return 0;

// The app and its services, shared by the web server and the CLI commands.
static WebApplication Build(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults();
    builder.AddTrustedProxies();
    builder.AddSqliteDatabase("vessels");
    builder.AddAccounts();
    builder.AddApiKeys();
    builder.AddLegacyImport();
    builder.AddBackups();
    builder.AddVessels();
    builder.AddVoyages();
    builder.AddFleet();
    builder.AddCodes();
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddPageFragments();
    builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/");
        options.Conventions.AllowAnonymousToPage("/Index");
        options.Conventions.AllowAnonymousToPage("/Login");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/AccessDenied");
    });
    // Korean text goes out as characters, not &#xAC00; entities (markup characters are still encoded).
    builder.Services.Configure<WebEncoderOptions>(options =>
        options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
    return builder.Build();
}
