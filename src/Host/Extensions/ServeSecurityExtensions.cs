using ClipHost.Host.Options;
using ClipHost.Host.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The address to listen on, validated with the credentials it needs (refused at start when bound beyond loopback
/// without them, or when a secret sits in a settings file), and the API key check.
/// </summary>
public static class ServeSecurityExtensions
{
    public static WebApplicationBuilder AddServeSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, ServeOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, SecretsPlacementValidator>();
        var serve = builder.Configuration.GetSection(ServeOptions.SectionName).Get<ServeOptions>() ?? new ServeOptions();
        builder.WebHost.UseUrls([.. serve.UrlList]);
        return builder;
    }

    public static WebApplication UseServeSecurity(this WebApplication app)
    {
        app.UseMiddleware<ApiKeyMiddleware>();
        return app;
    }
}
