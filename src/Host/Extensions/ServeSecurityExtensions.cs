using ClipHost.Host.Options;
using ClipHost.Host.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The address to listen on, validated with the credentials it needs (refused at start when bound beyond loopback
/// without them, judged again from what Kestrel really bound, or when a secret sits in a settings file), and the
/// request checks in order: our own Host names, credentials beyond loopback, same-origin JSON for changes.
/// </summary>
public static class ServeSecurityExtensions
{
    public static WebApplicationBuilder AddServeSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, ServeOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, SecretsPlacementValidator>();
        builder.Services.AddSingleton(sp => new ServeExposure(sp.GetRequiredService<IOptions<ServeOptions>>().Value));
        builder.Services.AddHostedService<BoundAddressesCheck>();
        // Hangfire's dashboard checks antiforgery tokens on its forms once the service is registered.
        builder.Services.AddAntiforgery();
        var serve = builder.Configuration.GetSection(ServeOptions.SectionName).Get<ServeOptions>() ?? new ServeOptions();
        builder.WebHost.UseUrls([.. serve.UrlList]);
        return builder;
    }

    public static WebApplication UseServeSecurity(this WebApplication app)
    {
        app.UseMiddleware<AllowedHostsMiddleware>();
        app.UseMiddleware<CredentialsMiddleware>();
        app.UseMiddleware<CrossSiteMiddleware>();
        return app;
    }
}
