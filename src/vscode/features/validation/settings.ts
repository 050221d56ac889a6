import * as vscode from 'vscode';
import { normalizeSettings, type ValidationSettings } from '../../../core/rules';
import { Settings } from '../../constants';

/** The rules' settings for one document (settings are per resource: a folder may differ). */
export function readValidationSettings(uri: vscode.Uri): { enabled: boolean; debounceMs: number; settings: ValidationSettings } {
  const config = vscode.workspace.getConfiguration(Settings.section, uri);
  return {
    enabled: config.get<boolean>(Settings.validationEnabled, true),
    debounceMs: config.get<number>(Settings.validationDebounceMs, 300),
    settings: normalizeSettings({
      rules: config.get(Settings.validationRules),
      requiredKeys: config.get(Settings.validationRequiredKeys),
      titleMaxLength: config.get(Settings.validationTitleMaxLength),
      excerptMaxLength: config.get(Settings.validationExcerptMaxLength),
      customTags: config.get(Settings.validationCustomTags),
    }),
  };
}
