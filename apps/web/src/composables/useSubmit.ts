import { reactive, ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { fieldRefusal } from '@/api/errors';

/**
 * A form's submission: validate with the form's rules, run the call, and put the API's refusal where it belongs
 * (a 400 naming one of `fields` under that field, anything else above the form).
 */
export function useSubmit(fields: () => readonly string[]) {
  const fieldErrors = reactive<Record<string, string>>({});
  const error = ref<unknown>(null);
  const saving = ref(false);

  function clear(): void {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key];
    error.value = null;
  }

  async function run<T>(form: FormInstance | undefined, action: () => Promise<T>): Promise<T | undefined> {
    clear();
    const valid = form ? await form.validate().catch(() => false) : true;
    if (!valid) return undefined;
    saving.value = true;
    try {
      return await action();
    } catch (caught) {
      const refusal = fieldRefusal(caught, fields());
      if (refusal) fieldErrors[refusal.field] = refusal.message;
      else error.value = caught;
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  return { fieldErrors, error, saving, clear, run };
}

/** What AdminFormDialog exposes to the dialog using it. */
export interface FormDialogHandle {
  form: FormInstance | undefined;
}
