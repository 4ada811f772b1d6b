namespace ClipHost.Engine.Paths;

/// <summary>The property, when set, is an <see cref="Identifier"/>: config records declare the rule where they declare the field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdentifierAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is null || Identifier.Problem(value as string ?? value.ToString()) is not { } problem
            ? ValidationResult.Success
            : new ValidationResult($"'{Identifier.Shorten(value as string)}' {problem}; {Identifier.Rule}", validationContext.MemberName is { } m ? [m] : []);
    }
}
