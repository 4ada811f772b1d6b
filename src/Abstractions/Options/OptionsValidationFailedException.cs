namespace ClipHost.Abstractions.Options;

/// <summary>Thrown when options are used that did not validate; carries every field-level error.</summary>
public sealed class OptionsValidationFailedException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    public OptionsValidationFailedException(IReadOnlyList<OptionError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The field-level errors.</summary>
    public IReadOnlyList<OptionError> Errors { get; }
}
