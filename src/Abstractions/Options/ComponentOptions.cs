using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ClipHost.Abstractions.Options;

/// <summary>
/// Binds a component's options from config JSON and validates them with DataAnnotations and
/// <see cref="IValidatableObject"/>. Unknown fields are errors: a typo must not silently fall back to a default.
/// </summary>
public static class ComponentOptions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Binds and validates; returns the options (defaults where absent) and every error found.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="options">The JSON, or null for all defaults.</param>
    /// <param name="fieldPath">The config path of the options object, for error messages.</param>
    /// <returns>The bound options (null when the JSON could not be bound) and the errors.</returns>
    public static (TOptions? Options, IReadOnlyList<OptionError> Errors) Bind<TOptions>(JsonElement? options, string fieldPath)
        where TOptions : class, new()
    {
        TOptions bound;
        if (options is null || options.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            bound = new TOptions();
        }
        else if (options.Value.ValueKind != JsonValueKind.Object)
        {
            return (null, [new OptionError(fieldPath, $"must be a JSON object, not {options.Value.ValueKind}")]);
        }
        else
        {
            try
            {
                bound = options.Value.Deserialize<TOptions>(Json) ?? new TOptions();
            }
            catch (JsonException e)
            {
                var path = e.Path is null or "$" ? fieldPath : fieldPath + e.Path.TrimStart('$');
                return (null, [new OptionError(path, FirstLine(e.Message))]);
            }
        }
        return (bound, Validate(bound, fieldPath));
    }

    /// <summary>Validates an options object that is already bound.</summary>
    /// <param name="options">The options.</param>
    /// <param name="fieldPath">The config path of the options object.</param>
    /// <returns>Every error, with fields named by their config path (camelCase).</returns>
    public static IReadOnlyList<OptionError> Validate(object options, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        if (options is IValidatableObject validatable && results.Count == 0)
        {
            results.AddRange(validatable.Validate(new ValidationContext(options)));
        }
        var errors = new List<OptionError>();
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            foreach (var member in members)
            {
                var field = member.Length == 0 ? fieldPath : $"{fieldPath}.{JsonNamingPolicy.CamelCase.ConvertName(member)}";
                errors.Add(new OptionError(field, result.ErrorMessage ?? "is invalid"));
            }
        }
        return errors;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
