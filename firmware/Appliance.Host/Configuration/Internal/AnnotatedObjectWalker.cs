using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Appliance.Host.Configuration.Internal;

/// <summary>
/// Validates an options object and the objects inside it (nested classes, lists, dictionaries keyed by name) against
/// their DataAnnotations attributes and IValidatableObject, building each failure's configuration path as it goes.
/// </summary>
internal static class AnnotatedObjectWalker
{
    // Options graphs are shallow; the limit only guards against a self-referencing class looping forever.
    private const int MaximumDepth = 8;

    public static void Collect(object instance, string path, List<string> failures) =>
        Collect(instance, path, failures, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Collect(object instance, string path, List<string> failures, int depth, HashSet<object> visited)
    {
        if (depth > MaximumDepth || !visited.Add(instance))
        {
            return;
        }

        var type = instance.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(instance);
            var context = new ValidationContext(instance) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                var result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success)
                {
                    failures.Add($"{path}:{property.Name}: {FailureMessages.Describe(attribute, result, property.Name)}");
                }
            }

            CollectChildren(value, $"{path}:{property.Name}", failures, depth, visited);
        }

        var objectContext = new ValidationContext(instance);
        foreach (var attribute in type.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            AddResult(attribute.GetValidationResult(instance, objectContext), path, failures);
        }

        if (instance is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(objectContext))
            {
                AddResult(result, path, failures);
            }
        }
    }

    private static void CollectChildren(object? value, string path, List<string> failures, int depth, HashSet<object> visited)
    {
        switch (value)
        {
            case null:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is not null && IsComplex(entry.Value.GetType()))
                    {
                        Collect(entry.Value, $"{path}:{entry.Key}", failures, depth + 1, visited);
                    }
                }

                return;
            case IEnumerable items when value is not string:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && IsComplex(item.GetType()))
                    {
                        Collect(item, $"{path}:{index}", failures, depth + 1, visited);
                    }

                    index++;
                }

                return;
            default:
                if (IsComplex(value.GetType()))
                {
                    Collect(value, path, failures, depth + 1, visited);
                }

                return;
        }
    }

    private static void AddResult(ValidationResult? result, string path, List<string> failures)
    {
        if (result is null || result == ValidationResult.Success)
        {
            return;
        }

        var message = result.ErrorMessage ?? "is not valid";
        var members = result.MemberNames.Where(m => !string.IsNullOrEmpty(m)).ToList();
        if (members.Count == 0)
        {
            failures.Add($"{path}: {message}");
            return;
        }

        failures.AddRange(members.Select(member => $"{path}:{member}: {message}"));
    }

    // Only our own option graph classes are walked; framework types (strings, Uri, TimeSpan...) are leaves.
    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
}
