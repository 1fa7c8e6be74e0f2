namespace Appliance.Host.Configuration.Internal;

/// <summary>An options class bound from a configuration section, and how to materialise (and so validate) it.</summary>
internal sealed record OptionsRegistration(Type OptionsType, string SectionPath, Func<IServiceProvider, object> Resolve);
