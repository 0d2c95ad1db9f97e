import { describePartGetMany } from '../operationTests';

describePartGetMany('payment');
