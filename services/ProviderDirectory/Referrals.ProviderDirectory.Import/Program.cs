using Referrals.ProviderDirectory.Import;

return ImportCommand.Run(args, Console.Out);
